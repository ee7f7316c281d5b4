import { getJobOf } from '../../../service/jobs/index.js';
import { optionalBool, required } from '../params.js';
import { wireJob } from '../wire/index.js';
import { callerInstanceId } from './instanceScope.js';
import { callsOfJobs } from './robotResults.js';
import type { ActionHandler } from './types.js';

/**
 * DescribeJob: the job with every call attempt, each with the robot's conversation, and the job's grade as
 * its Summary. WithScript is accepted; no Script object is sent.
 */
export const describeJob: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const jobId = required(p, 'JobId');
  optionalBool(p, 'WithScript');
  const { job, tasks } = await getJobOf(ctx.deps, instanceId, jobId);
  const { robots } = await callsOfJobs(ctx.deps, instanceId, [job.id]);
  return { Job: wireJob(job, tasks, { byTask: robots }) };
};
