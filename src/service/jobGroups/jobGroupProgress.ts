import type { JobGroupProgress } from '../../core/types.js';
import { jobGroupProgressOf } from '../../store/reports/jobGroupProgressOf.js';
import type { ServiceDeps } from '../deps.js';
import { getJobGroupOf } from './getJobGroupOf.js';

/** Where the caller's job group stands: jobs by status, why the failed ones failed, calls made and answered. */
export async function jobGroupProgress(deps: ServiceDeps, instanceId: string, id: string): Promise<JobGroupProgress> {
  return jobGroupProgressOf(deps.db, await getJobGroupOf(deps, instanceId, id));
}
