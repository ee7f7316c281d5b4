import { assignJobs as assign } from '../../../service/assignJobs.js';
import { getJobGroupOf } from '../../../service/jobGroups/index.js';
import { invalidParameter, missingParameter } from '../errors.js';
import { optionalBool, optionalString, type RpcParams, repeatList, required } from '../params.js';
import { lineGroupsOfNumbers } from './callingNumbers.js';
import { callerInstanceId } from './instanceScope.js';
import type { ActionHandler } from './types.js';
import { withWireNames } from './wireFieldNames.js';

/** The vendor's limit per call; its FAQ recommends about 25. */
export const MAX_JOBS_PER_ASSIGN = 99;

/** `JobsJson.N`: each element one job as a JSON string, 1 to 99 of them. */
function jobsParam(p: RpcParams): unknown[] {
  const texts = repeatList(p, 'JobsJson');
  if (texts.length === 0) throw missingParameter('JobsJson');
  if (texts.length > MAX_JOBS_PER_ASSIGN) {
    throw invalidParameter('JobsJson', `At most ${MAX_JOBS_PER_ASSIGN} jobs per call, got ${texts.length}.`);
  }
  return texts.map((text, i) => {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw invalidParameter(`JobsJson.${i + 1}`, `It is not valid JSON (${(e as Error).message}).`);
    }
  });
}

/** Only JSON rosters: the vendor's `excel` roster is an uploaded file Outdial does not take here. */
function checkRosterType(p: RpcParams): void {
  const roster = optionalString(p, 'RosterType')?.trim();
  if (roster && roster.toLowerCase() !== 'json') {
    throw invalidParameter('RosterType', `Only "json" rosters (JobsJson.N) are accepted, got "${roster}".`);
  }
}

/**
 * AssignJobs: validates the whole batch, then stores it at once (all jobs or none), and tells the engine.
 * StrategyJson, when given, overrides the group's for these jobs. `CallingNumber.N` must be numbers of the
 * instance; the jobs are dialled on their group's lines. IsAsynchrony=true is answered synchronously.
 */
export const assignJobs: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const group = await getJobGroupOf(ctx.deps, instanceId, required(p, 'JobGroupId'));
  checkRosterType(p);
  optionalBool(p, 'IsAsynchrony');
  const jobs = jobsParam(p);
  await lineGroupsOfNumbers(ctx.deps, instanceId, p);
  const strategy = optionalString(p, 'StrategyJson');
  const result = await withWireNames(
    [
      { from: 'jobs', to: 'JobsJson', repeat: true },
      { from: 'strategy', to: 'StrategyJson' },
      { from: 'jobGroupId', to: 'JobGroupId' },
    ],
    () => assign(ctx.deps, { jobGroupId: group.id, jobs, ...(strategy !== undefined ? { strategy } : {}) }),
  );
  ctx.deps.wake?.();
  return { JobGroupId: result.jobGroupId, JobsId: result.jobIds };
};
