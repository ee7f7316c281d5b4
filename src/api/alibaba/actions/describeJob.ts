import { getJobOf } from '../../../service/jobs/index.js';
import { optionalBool, required } from '../params.js';
import { wireJob } from '../wire/index.js';
import { callerInstanceId } from './instanceScope.js';
import type { ActionHandler } from './types.js';

/** DescribeJob: the job with every call attempt. WithScript is accepted; no Script object is sent. */
export const describeJob: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const jobId = required(p, 'JobId');
  optionalBool(p, 'WithScript');
  const { job, tasks } = await getJobOf(ctx.deps, instanceId, jobId);
  return { Job: wireJob(job, tasks) };
};
