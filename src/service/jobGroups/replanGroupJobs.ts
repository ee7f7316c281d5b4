import { FailureReason } from '../../core/enums.js';
import { nextAttemptAt } from '../../core/strategy/index.js';
import type { NextAttempt } from '../../core/strategy/types.js';
import type { JobGroup } from '../../core/types.js';
import { jobCompleteEvents } from '../../events/outbox/jobCompleteEvents.js';
import { insertEvents } from '../../store/events/insertEvents.js';
import { listWaitingJobs, type WaitingJob } from '../../store/jobGroups/listWaitingJobs.js';
import { replanWaitingJobs } from '../../store/jobGroups/replanWaitingJobs.js';
import { historyOf } from '../../store/rows.js';
import type { JobRow } from '../../store/schema.js';
import type { ServiceDeps } from '../deps.js';
import { completeGroupsIfDone } from '../jobs/completeGroupsIfDone.js';

const BATCH = 1000;

/**
 * After a group's strategy or zone changed: gives each waiting job that follows the group's
 * calendar its next attempt under the new one, or fails it when none is left (TimeUp past the end,
 * NoAnswer when its attempts are used up, as the engine does, with their JobComplete events; the group completes
 * when that ended its last open job). Batches of BATCH jobs, one
 * transaction each, so a group of any size is re-planned without one huge transaction.
 */
export async function replanGroupJobs(deps: ServiceDeps, group: JobGroup, now: number): Promise<number> {
  let after: { createdAt: number; id: string } | null = null;
  let moved = 0;
  for (;;) {
    const batch: WaitingJob[] = await deps.db.transaction().execute(async (trx) => {
      const ended: JobRow[] = [];
      const jobs = await listWaitingJobs(trx, { jobGroupId: group.id, after, limit: BATCH });
      // Jobs of one zone and one history get one plan: one statement per distinct plan.
      const byPlan = new Map<string, { plan: NextAttempt; ids: string[] }>();
      for (const job of jobs) {
        const zone = job.time_zone ?? group.timeZone;
        const key = `${zone}|${job.attempts}|${job.day_key}|${job.day_attempts}|${job.last_ended_at}`;
        let entry = byPlan.get(key);
        if (!entry) {
          entry = { plan: nextAttemptAt(group.strategy, zone, historyOf(job), now), ids: [] };
          byPlan.set(key, entry);
        }
        entry.ids.push(job.id);
      }
      for (const { plan, ids } of byPlan.values()) {
        const rows = await replanWaitingJobs(trx, {
          ids,
          now,
          ...(plan.kind === 'at'
            ? { nextAttemptAt: plan.at }
            : { failureReason: plan.reason === 'TimeUp' ? FailureReason.TimeUp : FailureReason.NoAnswer }),
        });
        moved += rows.length;
        if (plan.kind === 'never') ended.push(...rows);
      }
      await insertEvents(trx, deps.caps, await jobCompleteEvents(trx, ended, now, deps.newId));
      if (ended.length > 0) await completeGroupsIfDone(trx, deps, [group.id], now);
      return jobs;
    });
    const last = batch[batch.length - 1];
    if (!last || batch.length < BATCH) return moved;
    after = { createdAt: last.created_at, id: last.id };
  }
}
