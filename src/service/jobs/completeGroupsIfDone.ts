import type { Kysely } from 'kysely';
import { completeJobGroup } from '../../events/outbox/jobGroupEvents.js';
import type { StoreCaps } from '../../store/dialects.js';
import { insertEvents } from '../../store/events/insertEvents.js';
import { hasOpenJobs } from '../../store/jobs/hasOpenJobs.js';
import type { Db } from '../../store/schema.js';
import { hasCallsInProgress } from '../../store/tasks/hasCallsInProgress.js';

/**
 * Completes those of these running groups whose last open job just ended by a user's command, in the
 * command's transaction, so the group reads Completed at once, engine or not. While a call of the group
 * still runs the group stays: the engine completes it once that outcome is recorded.
 */
export async function completeGroupsIfDone(
  db: Kysely<Db>,
  deps: { caps: StoreCaps; newId: () => string },
  groupIds: Iterable<string>,
  now: number,
): Promise<void> {
  for (const id of groupIds) {
    if (await hasOpenJobs(db, id)) continue;
    if (await hasCallsInProgress(db, id)) continue;
    const event = await completeJobGroup(db, { id, now, newId: deps.newId });
    if (event) await insertEvents(db, deps.caps, [event]);
  }
}
