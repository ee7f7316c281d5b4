import type { Kysely } from 'kysely';
import type { JobGroupStatus } from '../../core/enums.js';
import { OutdialError } from '../../core/errors.js';
import type { JobGroup } from '../../core/types.js';
import { updateJobGroupStatus } from '../../store/jobGroups/updateJobGroupStatus.js';
import type { Db } from '../../store/schema.js';
import type { ServiceDeps } from '../deps.js';
import { getJobGroupOf } from './getJobGroupOf.js';
import { illegalTransition } from './illegalTransition.js';

export interface StatusRule {
  /** Past participle for the error message: "started", "paused" … */
  asked: string;
  from: readonly JobGroupStatus[];
  to: JobGroupStatus;
  /** Statuses in which the request is already satisfied: the group is returned as it is. */
  unchanged: readonly JobGroupStatus[];
  /** Stamp finished_at with the change's time. */
  finishes?: boolean;
  /** More writes that must commit with the status change. */
  alongside?: (trx: Kysely<Db>, group: JobGroup, now: number) => Promise<void>;
}

/**
 * Moves the caller's group by a compare-and-set on its status, so a concurrent change by the engine
 * (Scheduling → Executing → Completed) is never overwritten: a lost race re-reads the group and
 * decides again, once.
 */
export async function changeJobGroupStatus(
  deps: ServiceDeps,
  instanceId: string,
  jobGroupId: string,
  rule: StatusRule,
): Promise<JobGroup> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const group = await getJobGroupOf(deps, instanceId, jobGroupId);
    if (rule.unchanged.includes(group.status)) return group;
    if (!rule.from.includes(group.status)) throw illegalTransition(group, rule.asked);
    const now = deps.clock.now();
    const moved = await deps.db.transaction().execute(async (trx) => {
      const ok = await updateJobGroupStatus(trx, {
        id: group.id,
        from: rule.from,
        to: rule.to,
        now,
        ...(rule.finishes ? { finishedAt: now } : {}),
      });
      if (ok && rule.alongside) await rule.alongside(trx, group, now);
      return ok;
    });
    if (moved) return getJobGroupOf(deps, instanceId, jobGroupId);
  }
  throw new OutdialError('STALE_VERSION', `jobGroupId: job group ${jobGroupId} changed meanwhile; try again`, {
    field: 'jobGroupId',
  });
}
