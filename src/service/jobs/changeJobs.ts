import { invalidField } from '../../core/errors.js';
import type { JobGroup } from '../../core/types.js';
import { jobCompleteEvents } from '../../events/outbox/jobCompleteEvents.js';
import { insertEvents } from '../../store/events/insertEvents.js';
import { cancelJobs, stopCallingJobs } from '../../store/jobs/cancelJobs.js';
import type { JobKey } from '../../store/jobs/jobFilter.js';
import { listJobKeys } from '../../store/jobs/listJobKeys.js';
import { phoneNumbersOfJobs } from '../../store/jobs/phoneNumbersOfJobs.js';
import { suspendJobs } from '../../store/jobs/suspendJobs.js';
import { upsertListEntries } from '../../store/policy/upsertListEntries.js';
import type { ServiceDeps } from '../deps.js';
import { getJobGroupOf } from '../jobGroups/getJobGroupOf.js';
import { completeGroupsIfDone } from './completeGroupsIfDone.js';
import { resumeJobs } from './resumeJobs.js';
import { retryOnDeadlock } from './retryOnDeadlock.js';
import { selectJobIds } from './selectJobIds.js';

export type JobCommand = 'cancel' | 'suspend' | 'resume' | 'stop-calling';
const JOB_COMMANDS: readonly JobCommand[] = ['cancel', 'suspend', 'resume', 'stop-calling'];

export interface JobChange {
  instanceId: string;
  command: JobCommand;
  /** Scopes `all` and referenceId look-ups, and every jobId must belong to it. */
  jobGroupId?: string;
  jobIds?: string[];
  referenceIds?: string[];
  /** Every job of jobGroupId, or of the instance when none is given. */
  all?: boolean;
  /** stop-calling only: also put the jobs' numbers on the instance's block list, in the same transaction. */
  blockNumbers?: boolean;
}

/** Jobs per transaction: a command over a million jobs holds no long lock and needs no huge statement. */
export const JOBS_PER_CHANGE = 1000;

/**
 * Cancels, suspends or resumes jobs, by id, by referenceId, or all of a group or instance.
 * - cancel: Scheduling, Executing or Paused → Cancelled. A group left with no open job completes.
 * - suspend: Scheduling or Executing → Paused; a running call finishes and is recorded.
 * - resume: Paused → re-planned by its strategy from now (see planResume).
 * - stop-calling (the callee asked not to be called): Scheduling, Executing or Paused → Failed with
 *   ContactSuspended; a running call finishes and is recorded. With blockNumbers, the numbers of every
 *   selected job go on the instance's block list, so no other job group dials them either.
 * `matched` counts the jobs selected, `changed` those that moved; a job already where the command would
 * put it, or past it (a terminal job), is matched but not changed.
 */
export async function changeJobs(deps: ServiceDeps, c: JobChange): Promise<{ matched: number; changed: number }> {
  if (!JOB_COMMANDS.includes(c.command)) throw invalidField('command', `must be one of ${JOB_COMMANDS.join(', ')}`);
  const jobIds = strings(c.jobIds, 'jobIds');
  const referenceIds = strings(c.referenceIds, 'referenceIds');
  if (c.blockNumbers !== undefined && (c.command !== 'stop-calling' || typeof c.blockNumbers !== 'boolean')) {
    throw invalidField('blockNumbers', 'is a boolean, and only for stop-calling');
  }
  if (c.all !== true && jobIds.length === 0 && referenceIds.length === 0) {
    throw invalidField('jobIds', 'name jobs by jobIds or referenceIds, or set all');
  }
  const scope: { instanceId: string; jobGroupId?: string } = { instanceId: c.instanceId };
  if (c.jobGroupId !== undefined) scope.jobGroupId = (await getJobGroupOf(deps, c.instanceId, c.jobGroupId)).id;

  const groups = new Map<string, JobGroup>();
  const change = (ids: readonly string[]) =>
    retryOnDeadlock(() =>
      deps.db.transaction().execute(async (trx) => {
        const now = deps.clock.now();
        switch (c.command) {
          case 'cancel': {
            const ended = await cancelJobs(trx, { ids }, now);
            await insertEvents(trx, deps.caps, await jobCompleteEvents(trx, ended, now, deps.newId));
            await completeGroupsIfDone(trx, deps, new Set(ended.map((j) => j.job_group_id)), now);
            return ended.length;
          }
          case 'suspend':
            return suspendJobs(trx, ids, now);
          case 'stop-calling': {
            const ended = await stopCallingJobs(trx, ids, now);
            if (c.blockNumbers) {
              const numbers = await phoneNumbersOfJobs(trx, ids);
              const entries = numbers.map((pattern) => ({
                scope: c.instanceId,
                list: 'block' as const,
                pattern,
                reason: 'the callee asked not to be called',
                expiresAt: null,
              }));
              await upsertListEntries(trx, deps.caps, entries, now);
            }
            await insertEvents(trx, deps.caps, await jobCompleteEvents(trx, ended, now, deps.newId));
            await completeGroupsIfDone(trx, deps, new Set(ended.map((j) => j.job_group_id)), now);
            return ended.length;
          }
          case 'resume': {
            const r = await resumeJobs(trx, deps.caps, { instanceId: c.instanceId, ids, now, groups });
            await insertEvents(trx, deps.caps, await jobCompleteEvents(trx, r.ended, now, deps.newId));
            await completeGroupsIfDone(trx, deps, r.endedIn, now);
            return r.changed;
          }
        }
      }),
    );

  let matched = 0;
  let changed = 0;
  if (c.all === true) {
    let after: JobKey | null = null;
    for (;;) {
      const keys = await listJobKeys(deps.db, scope, after, JOBS_PER_CHANGE);
      if (keys.length === 0) break;
      matched += keys.length;
      changed += await change(keys.map((k) => k.id));
      after = keys[keys.length - 1] as JobKey;
      if (keys.length < JOBS_PER_CHANGE) break;
    }
  } else {
    const ids = await selectJobIds(deps, scope, jobIds, referenceIds);
    matched = ids.length;
    for (let i = 0; i < ids.length; i += JOBS_PER_CHANGE) changed += await change(ids.slice(i, i + JOBS_PER_CHANGE));
  }
  if (c.command === 'resume') deps.wake?.();
  return { matched, changed };
}

function strings(v: unknown, path: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw invalidField(path, 'must be a list of strings');
  v.forEach((s, i) => {
    if (typeof s !== 'string') throw invalidField(`${path}[${i}]`, 'must be a string');
  });
  return v as string[];
}
