import { listJobs as findJobs } from '../../../service/jobs/index.js';
import { invalidParameter, missingParameter } from '../errors.js';
import { repeatList } from '../params.js';
import { wireJob } from '../wire/index.js';
import { callerInstanceId } from './instanceScope.js';
import { callsOfJobs } from './robotResults.js';
import type { ActionHandler } from './types.js';

export const MAX_LIST_JOB_IDS = 99;

/**
 * ListJobs: the jobs named by `JobId.N` (at most 99) in the order asked, with their tasks and the robot's
 * conversations and grades; unknown ids are left out.
 */
export const listJobs: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const ids = [...new Set(repeatList(p, 'JobId'))];
  if (ids.length === 0) throw missingParameter('JobId');
  if (ids.length > MAX_LIST_JOB_IDS) {
    throw invalidParameter('JobId', `At most ${MAX_LIST_JOB_IDS} jobs per call, got ${ids.length}.`);
  }
  const [found, calls] = await Promise.all([
    findJobs(ctx.deps, { instanceId, jobIds: ids }, { kind: 'offset', pageNumber: 1, pageSize: ids.length }),
    callsOfJobs(ctx.deps, instanceId, ids),
  ]);
  const byId = new Map(found.items.map((j) => [j.id, j]));
  const jobs = ids.flatMap((id) => {
    const job = byId.get(id);
    return job ? [wireJob(job, calls.tasks.get(id) ?? [], { byTask: calls.robots })] : [];
  });
  return { Jobs: jobs };
};
