import { getJobGroupOf } from '../../../service/jobGroups/index.js';
import { listJobs } from '../../../service/jobs/index.js';
import { optionalBool, optionalInt, optionalString, required } from '../params.js';
import { wireJobWithResult } from '../wire/index.js';
import { callerInstanceId } from './instanceScope.js';
import { failureReasonParam, jobStatusParam } from './jobEnumParams.js';
import { pageParams } from './pageParams.js';
import { latestCallsOfJobs } from './robotResults.js';
import type { ActionHandler } from './types.js';
import { withWireNames } from './wireFieldNames.js';

/** Filters the vendor offers that need call grading or labels Outdial does not record: accepted, checked for form, not applied. */
const ACCEPTED_BOOLEANS = ['HasAnsweredFilter', 'HasHangUpByRejectionFilter', 'HasReachedEndOfFlowFilter'];
const ACCEPTED_INSTANTS = ['StartActualTimeFilter', 'EndActualTimeFilter'];

/**
 * QueryJobsWithResult: a page of the group's jobs, each with its latest call. Applied filters: JobStatusFilter
 * and JobFailureReasonsFilter (names: one, comma-separated or a JSON array) and QueryText (a whole phone
 * number). TaskStatusFilter, the Has…Filter flags, the actual-time filters and LabelsJson.N are accepted
 * and not applied. PageNumber and PageSize default to the first page of 10. Each latest call carries the
 * robot's end of it and its grade as TagHits.
 */
export const queryJobsWithResult: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const group = await getJobGroupOf(ctx.deps, instanceId, required(p, 'JobGroupId'));
  const page = pageParams(p, { required: false });
  const statuses = jobStatusParam(p, 'JobStatusFilter');
  const failureReasons = failureReasonParam(p, 'JobFailureReasonsFilter');
  const queryText = optionalString(p, 'QueryText')?.trim();
  for (const name of ACCEPTED_BOOLEANS) optionalBool(p, name);
  for (const name of ACCEPTED_INSTANTS) optionalInt(p, name, { min: 0 });

  const found = await withWireNames([{ from: 'phoneNumber', to: 'QueryText' }], () =>
    listJobs(
      ctx.deps,
      {
        instanceId,
        jobGroupId: group.id,
        ...(statuses !== undefined ? { statuses } : {}),
        ...(failureReasons !== undefined ? { failureReasons } : {}),
        ...(queryText ? { phoneNumber: queryText } : {}),
      },
      { kind: 'offset', ...page },
    ),
  );
  const latest = await latestCallsOfJobs(
    ctx.deps,
    instanceId,
    found.items.map((j) => j.id),
  );
  const total = found.total ?? found.items.length;
  return {
    Jobs: {
      PageNumber: page.pageNumber,
      PageSize: page.pageSize,
      PageCount: Math.ceil(total / page.pageSize),
      RowCount: total,
      List: found.items.map((j) => {
        const call = latest.get(j.id);
        return wireJobWithResult(j, call?.task, call?.robot ?? null);
      }),
    },
    Labels: [] as { Name: string; ValueList: string[] }[],
    VariableNames: [...new Set(found.items.flatMap((j) => j.extras.map((e) => e.key)))],
  };
};
