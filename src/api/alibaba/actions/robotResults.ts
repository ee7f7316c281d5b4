import type { TaskRobotResult } from '../../../core/events.js';
import type { Task } from '../../../core/types.js';
import type { ServiceDeps } from '../../../service/deps.js';
import { toTask } from '../../../store/rows.js';
import { latestTasksOfJobs } from '../../../store/tasks/latestTasksOfJobs.js';
import { listTasksOfJobs } from '../../../store/tasks/listTasksOfJobs.js';
import { taskRobotResult } from '../../../store/tasks/taskRobotColumns.js';

/** The calls of some jobs: each job's tasks in attempt order, and the robot's result of each graded one. */
export interface JobCalls {
  /** By job id; every id asked for has an entry (empty for a job without calls, another instance's or none). */
  tasks: Map<string, Task[]>;
  /** By task id; calls of groups without a script have none. */
  robots: Map<string, TaskRobotResult>;
}

/** Every call of these jobs of the instance, with the robot's results, in one read of the task rows. */
export async function callsOfJobs(deps: ServiceDeps, instanceId: string, jobIds: string[]): Promise<JobCalls> {
  const tasks = new Map<string, Task[]>(jobIds.map((id) => [id, []]));
  const robots = new Map<string, TaskRobotResult>();
  for (const row of await listTasksOfJobs(deps.db, deps.caps, instanceId, [...new Set(jobIds)])) {
    tasks.get(row.job_id)?.push(toTask(row));
    const robot = taskRobotResult(row);
    if (robot) robots.set(row.id, robot);
  }
  return { tasks, robots };
}

/** Each job's latest call (jobs never dialled, or not the instance's, have no entry) and the robot's result of it. */
export async function latestCallsOfJobs(
  deps: ServiceDeps,
  instanceId: string,
  jobIds: string[],
): Promise<Map<string, { task: Task; robot: TaskRobotResult | null }>> {
  const rows = await latestTasksOfJobs(deps.db, deps.caps, instanceId, [...new Set(jobIds)]);
  return new Map(rows.map((r) => [r.job_id, { task: toTask(r), robot: taskRobotResult(r) }]));
}
