import type { Kysely } from 'kysely';
import { jobCompleteEvents } from '../events/outbox/jobCompleteEvents.js';
import { insertEvents } from '../store/events/insertEvents.js';
import { updateJobGroupStatus } from '../store/jobGroups/updateJobGroupStatus.js';
import { insertJobs } from '../store/jobs/insertJobs.js';
import type { Db, NewJobRow } from '../store/schema.js';
import type { ServiceDeps } from './deps.js';
import { failedAtOnce } from './jobRows.js';

/**
 * Stores a group's new jobs in `trx`: their rows, a JobComplete for each that is Failed from the start, and the
 * group back to Scheduling if it was a Draft or had Completed.
 */
export async function storeNewJobs(
  trx: Kysely<Db>,
  deps: Pick<ServiceDeps, 'caps' | 'newId'>,
  c: { jobGroupId: string; rows: readonly NewJobRow[]; now: number },
): Promise<void> {
  await insertJobs(trx, deps.caps, c.rows);
  await insertEvents(trx, deps.caps, await jobCompleteEvents(trx, failedAtOnce(c.rows), c.now, deps.newId));
  await updateJobGroupStatus(trx, {
    id: c.jobGroupId,
    from: ['Draft', 'Completed'],
    to: 'Scheduling',
    now: c.now,
    finishedAt: null,
  });
}
