import type { Task } from '../../core/types.js';
import { toTask } from '../../store/rows.js';
import { latestTasksOfJobs } from '../../store/tasks/latestTasksOfJobs.js';
import type { ServiceDeps } from '../deps.js';

/** Each job's latest call attempt; jobs never dialled (or not the caller's) have no entry. */
export async function latestTaskOfJobs(
  deps: ServiceDeps,
  instanceId: string,
  jobIds: string[],
): Promise<Map<string, Task>> {
  const rows = await latestTasksOfJobs(deps.db, deps.caps, instanceId, [...new Set(jobIds)]);
  return new Map(rows.map((r) => [r.job_id, toTask(r)]));
}
