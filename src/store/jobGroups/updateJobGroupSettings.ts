import type { Kysely } from 'kysely';
import type { JobGroup } from '../../core/types.js';
import { priorityRank } from '../rows.js';
import type { Db } from '../schema.js';

export type JobGroupSettings = Pick<
  JobGroup,
  | 'name'
  | 'description'
  | 'scriptId'
  | 'scriptVersion'
  | 'priority'
  | 'strategy'
  | 'recallStrategy'
  | 'lineGroupIds'
  | 'ringingDuration'
  | 'concurrency'
  | 'timeZone'
>;

/**
 * Writes a group's settings if its row is still at `version` and not Cancelled (compare-and-set);
 * false when someone else changed it first.
 */
export async function updateJobGroupSettings(
  db: Kysely<Db>,
  u: { id: string; version: number; settings: JobGroupSettings; now: number },
): Promise<boolean> {
  const s = u.settings;
  const r = await db
    .updateTable('job_group')
    .set((eb) => ({
      name: s.name,
      description: s.description,
      script_id: s.scriptId,
      script_version: s.scriptVersion,
      priority: priorityRank(s.priority),
      strategy: JSON.stringify(s.strategy),
      recall_strategy: JSON.stringify(s.recallStrategy),
      line_group_ids: JSON.stringify(s.lineGroupIds),
      ringing_duration: s.ringingDuration,
      concurrency: s.concurrency,
      time_zone: s.timeZone,
      modified_at: u.now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', u.id)
    .where('version', '=', u.version)
    .where('status', '<>', 'Cancelled')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
