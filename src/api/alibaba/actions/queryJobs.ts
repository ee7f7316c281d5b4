import { DateTime } from 'luxon';
import { getJobGroupOf } from '../../../service/jobGroups/index.js';
import { listJobs } from '../../../service/jobs/index.js';
import { invalidParameter } from '../errors.js';
import { optionalInt, optionalString, type RpcParams } from '../params.js';
import { wireJob } from '../wire/index.js';
import { wireTagHits } from '../wire/wireRobotSummary.js';
import { callerInstanceId } from './instanceScope.js';
import { pagedList, pageParams } from './pageParams.js';
import { latestCallsOfJobs } from './robotResults.js';
import type { ActionContext, ActionHandler } from './types.js';
import { withWireNames } from './wireFieldNames.js';

const TIME_ALIGNMENTS = ['start', 'end', 'job_create'];

const nonBlank = (p: RpcParams, name: string): string | undefined => {
  const v = optionalString(p, name)?.trim();
  return v === undefined || v === '' ? undefined : v;
};

/**
 * StartTime and EndTime bound when jobs were assigned, UTC ms; the vendor's 0 means the start of today
 * (in the server's default zone) and now. Absent is no bound.
 */
function createdBounds(ctx: ActionContext, p: RpcParams): { createdFrom?: number; createdTo?: number } {
  const now = ctx.deps.clock.now();
  const start = optionalInt(p, 'StartTime', { min: 0 });
  const end = optionalInt(p, 'EndTime', { min: 0 });
  const createdFrom =
    start === 0 ? DateTime.fromMillis(now, { zone: ctx.deps.defaultTimeZone }).startOf('day').toMillis() : start;
  const createdTo = end === 0 ? now : end;
  if (createdFrom !== undefined && createdTo !== undefined && createdTo < createdFrom) {
    throw invalidParameter('EndTime', `It must not be before StartTime (${createdFrom}), got ${createdTo}.`);
  }
  return {
    ...(createdFrom !== undefined ? { createdFrom } : {}),
    ...(createdTo !== undefined ? { createdTo } : {}),
  };
}

/**
 * QueryJobs: a page of the instance's jobs (of JobGroupId when given), filtered by PhoneNumber (the whole
 * number, in any format) and assignment time. Outdial keeps contact names inside each job's contact list,
 * which no index reaches, so ContactName is accepted and not applied; TimeAlignment is accepted and the
 * bounds always apply to assignment time. ScenarioId, deprecated, is not read. Each job's Summary and
 * TagHits are the grade of its latest call.
 */
export const queryJobs: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const page = pageParams(p, { required: true });
  const jobGroupId = nonBlank(p, 'JobGroupId');
  if (jobGroupId !== undefined) await getJobGroupOf(ctx.deps, instanceId, jobGroupId);
  const phoneNumber = nonBlank(p, 'PhoneNumber');
  const alignment = nonBlank(p, 'TimeAlignment');
  if (alignment !== undefined && !TIME_ALIGNMENTS.includes(alignment)) {
    throw invalidParameter('TimeAlignment', `It must be one of ${TIME_ALIGNMENTS.join(', ')}, got "${alignment}".`);
  }
  const found = await withWireNames([{ from: 'phoneNumber', to: 'PhoneNumber' }], () =>
    listJobs(
      ctx.deps,
      {
        instanceId,
        ...(jobGroupId !== undefined ? { jobGroupId } : {}),
        ...(phoneNumber !== undefined ? { phoneNumber } : {}),
        ...createdBounds(ctx, p),
      },
      { kind: 'offset', ...page },
    ),
  );
  const latest = await latestCallsOfJobs(
    ctx.deps,
    instanceId,
    found.items.map((j) => j.id),
  );
  const list = found.items.map((j) => {
    const robot = latest.get(j.id)?.robot ?? null;
    return { ...wireJob(j, undefined, { latest: robot }), TagHits: wireTagHits(robot) };
  });
  return { Jobs: pagedList(page, found.total, list) };
};
