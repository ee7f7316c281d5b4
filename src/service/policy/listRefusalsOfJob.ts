import { OutdialError } from '../../core/errors.js';
import { getJob } from '../../store/jobs/getJob.js';
import { countJobRefusals } from '../../store/policy/countJobRefusals.js';
import type { PolicyRefusal } from '../../store/policy/insertRefusals.js';
import { listJobRefusals } from '../../store/policy/listJobRefusals.js';
import { listPage } from '../catalog/listPage.js';
import type { ServiceDeps } from '../deps.js';
import type { Page, PageRequest } from '../paging.js';

/** The audit trail of one of the caller's jobs: each dial the contact policy refused or deferred, newest first. */
export async function listRefusalsOfJob(
  deps: ServiceDeps,
  instanceId: string,
  jobId: string,
  page: PageRequest,
): Promise<Page<PolicyRefusal>> {
  if (!(await getJob(deps.db, instanceId, jobId))) {
    throw new OutdialError('JOB_NOT_FOUND', `jobId: job ${jobId} does not exist`, { field: 'jobId' });
  }
  return listPage(page, {
    fetch: (w) => listJobRefusals(deps.db, jobId, w),
    count: () => countJobRefusals(deps.db, jobId),
    keyOf: (r) => ({ createdAt: r.at, id: r.id }),
  });
}

/** The latest `limit` refusals of a job the caller has already looked up (getJobOf), newest first. */
export function recentRefusalsOfJob(deps: ServiceDeps, jobId: string, limit: number): Promise<PolicyRefusal[]> {
  return listJobRefusals(deps.db, jobId, { limit });
}
