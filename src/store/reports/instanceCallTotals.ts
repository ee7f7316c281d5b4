import { type Kysely, sql } from 'kysely';
import type { Db } from '../schema.js';

export interface InstanceCallTotals {
  instanceId: string;
  /** Tasks (call attempts) placed. */
  calls: number;
  /** Talk time over all calls, ms. */
  talkMs: number;
  /** Bytes of the calls' kept recordings. */
  recordingBytes: number;
}

/**
 * Calls placed, talk time and recordings' size per existing instance among `instanceIds` (zeros for one that has
 * made none). Reaches tasks through the instance's job groups, so both steps walk an index.
 */
export async function instanceCallTotals(
  db: Kysely<Db>,
  instanceIds: readonly string[],
): Promise<InstanceCallTotals[]> {
  if (instanceIds.length === 0) return [];
  const rows = await db
    .selectFrom('instance as i')
    .leftJoin('job_group as g', 'g.instance_id', 'i.id')
    .leftJoin('task as t', 't.job_group_id', 'g.id')
    .select((eb) => [
      'i.id as instanceId',
      eb.fn.count<number>('t.id').as('calls'),
      sql<number>`coalesce(sum(${sql.ref('t.talk_duration')}), 0)`.as('talkMs'),
      sql<number>`coalesce(sum(${sql.ref('t.recording_size')}), 0)`.as('recordingBytes'),
    ])
    .where('i.id', 'in', instanceIds)
    .groupBy('i.id')
    .execute();
  return rows.map((r) => ({
    instanceId: r.instanceId,
    calls: Number(r.calls),
    talkMs: Number(r.talkMs),
    recordingBytes: Number(r.recordingBytes),
  }));
}
