import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';
import type { PolicyRefusal } from './insertRefusals.js';

/**
 * A job's refused and deferred dials, newest first (at desc, id desc) by the policy_refusal_by_job index.
 * `before` continues after a row (keyset); `offset` skips rows.
 */
export async function listJobRefusals(
  db: Kysely<Db>,
  jobId: string,
  w: { limit: number; offset?: number; before?: { createdAt: number; id: string } | null },
): Promise<PolicyRefusal[]> {
  let q = db.selectFrom('policy_refusal').selectAll().where('job_id', '=', jobId);
  const b = w.before;
  if (b) {
    q = q.where((eb) => eb.or([eb('at', '<', b.createdAt), eb.and([eb('at', '=', b.createdAt), eb('id', '<', b.id)])]));
  }
  q = q.orderBy('at', 'desc').orderBy('id', 'desc').limit(w.limit);
  if (w.offset) q = q.offset(w.offset);
  return (await q.execute()).map((r) => ({
    id: r.id,
    instanceId: r.instance_id,
    jobGroupId: r.job_group_id,
    jobId: r.job_id,
    at: r.at,
    verdict: r.verdict as PolicyRefusal['verdict'],
    reason: r.reason,
    rule: r.rule,
  }));
}
