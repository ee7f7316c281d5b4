import type { Task } from '../../core/types.js';
import { toTask } from '../../store/rows.js';
import { listTasksOfJobs } from '../../store/tasks/listTasksOfJobs.js';
import type { ServiceDeps } from '../deps.js';

/**
 * Every task of these jobs, in attempt order, for listings that embed them. Each id asked for gets an
 * entry; a job without tasks, another instance's or a missing one gets an empty list.
 */
export async function tasksOfJobs(
  deps: ServiceDeps,
  instanceId: string,
  jobIds: string[],
): Promise<Map<string, Task[]>> {
  const byJob = new Map<string, Task[]>(jobIds.map((id) => [id, []]));
  for (const row of await listTasksOfJobs(deps.db, deps.caps, instanceId, [...new Set(jobIds)])) {
    byJob.get(row.job_id)?.push(toTask(row));
  }
  return byJob;
}
