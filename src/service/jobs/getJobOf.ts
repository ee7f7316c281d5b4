import { OutdialError } from '../../core/errors.js';
import type { Job, Task } from '../../core/types.js';
import { getJob } from '../../store/jobs/getJob.js';
import { toJob, toTask } from '../../store/rows.js';
import { listTasksOfJobs } from '../../store/tasks/listTasksOfJobs.js';
import type { ServiceDeps } from '../deps.js';

/** The caller's job with every call attempt, in attempt order; another instance's job is reported as missing. */
export async function getJobOf(
  deps: ServiceDeps,
  instanceId: string,
  jobId: string,
): Promise<{ job: Job; tasks: Task[] }> {
  const row = await getJob(deps.db, instanceId, jobId);
  if (!row) {
    throw new OutdialError('JOB_NOT_FOUND', `jobId: job ${jobId} does not exist`, { field: 'jobId' });
  }
  const tasks = await listTasksOfJobs(deps.db, deps.caps, instanceId, [jobId]);
  return { job: toJob(row), tasks: tasks.map(toTask) };
}
