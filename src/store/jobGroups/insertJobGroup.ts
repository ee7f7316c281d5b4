import type { Kysely } from 'kysely';
import type { JobGroup } from '../../core/types.js';
import { priorityRank } from '../rows.js';
import type { Db } from '../schema.js';

export async function insertJobGroup(db: Kysely<Db>, g: JobGroup): Promise<void> {
  await db
    .insertInto('job_group')
    .values({
      id: g.id,
      instance_id: g.instanceId,
      name: g.name,
      description: g.description,
      script_id: g.scriptId,
      script_version: g.scriptVersion,
      status: g.status,
      priority: priorityRank(g.priority),
      strategy: JSON.stringify(g.strategy),
      recall_strategy: JSON.stringify(g.recallStrategy),
      line_group_ids: JSON.stringify(g.lineGroupIds),
      ringing_duration: g.ringingDuration,
      concurrency: g.concurrency,
      time_zone: g.timeZone,
      created_at: g.createdAt,
      modified_at: g.modifiedAt,
      started_at: g.startedAt,
      finished_at: g.finishedAt,
      version: g.version,
    })
    .execute();
}
