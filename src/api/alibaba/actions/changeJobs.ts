import { changeJobs, type JobCommand } from '../../../service/jobs/index.js';
import { missingParameter } from '../errors.js';
import { optionalBool, optionalString, repeatList } from '../params.js';
import { callerInstanceId } from './instanceScope.js';
import type { ActionHandler } from './types.js';
import { withWireNames } from './wireFieldNames.js';

/**
 * CancelJobs, SuspendJobs and ResumeJobs: the jobs named by `JobId.N` and `JobReferenceId.N`, or with
 * `All=true` every job of `JobGroupId` (of the instance when no group is given). ScenarioId, deprecated,
 * is not read.
 */
export function changeJobsAction(command: JobCommand): ActionHandler {
  return async (ctx, p) => {
    const instanceId = await callerInstanceId(ctx, p);
    const all = optionalBool(p, 'All');
    if (all === undefined) throw missingParameter('All');
    const jobGroupId = optionalString(p, 'JobGroupId')?.trim();
    await withWireNames(
      [
        { from: 'jobIds', to: 'JobId', repeat: true },
        { from: 'referenceIds', to: 'JobReferenceId', repeat: true },
        { from: 'jobGroupId', to: 'JobGroupId' },
      ],
      () =>
        changeJobs(ctx.deps, {
          instanceId,
          command,
          all,
          jobIds: repeatList(p, 'JobId'),
          referenceIds: repeatList(p, 'JobReferenceId'),
          ...(jobGroupId ? { jobGroupId } : {}),
        }),
    );
    if (command === 'resume') ctx.deps.wake?.();
    return {};
  };
}
