import { getJobGroupOf } from '../../../service/jobGroups/index.js';
import { listJobs } from '../../../service/jobs/index.js';
import { required } from '../params.js';
import { wireJob } from '../wire/index.js';
import { callerInstanceId } from './instanceScope.js';
import { failureReasonParam, jobStatusParam } from './jobEnumParams.js';
import { pagedList, pageParams } from './pageParams.js';
import { latestCallsOfJobs } from './robotResults.js';
import type { ActionHandler } from './types.js';

/**
 * ListJobsByGroup: a page of the group's jobs in assignment order, without tasks, each with the grade of its
 * latest call as its Summary; JobStatus and JobFailureReason filter by name.
 */
export const listJobsByGroup: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const group = await getJobGroupOf(ctx.deps, instanceId, required(p, 'JobGroupId'));
  const page = pageParams(p, { required: true });
  const statuses = jobStatusParam(p, 'JobStatus');
  const failureReasons = failureReasonParam(p, 'JobFailureReason');
  const found = await listJobs(
    ctx.deps,
    {
      instanceId,
      jobGroupId: group.id,
      ...(statuses !== undefined ? { statuses } : {}),
      ...(failureReasons !== undefined ? { failureReasons } : {}),
    },
    { kind: 'offset', ...page },
  );
  const latest = await latestCallsOfJobs(
    ctx.deps,
    instanceId,
    found.items.map((j) => j.id),
  );
  return {
    Jobs: pagedList(
      page,
      found.total,
      found.items.map((j) => wireJob(j, undefined, { latest: latest.get(j.id)?.robot ?? null })),
    ),
  };
};
