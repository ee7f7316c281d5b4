import { OutdialError } from '../core/errors.js';
import type { JobGroup } from '../core/types.js';
import { getInstance } from '../store/instances/getInstance.js';
import { insertJobGroup } from '../store/jobGroups/insertJobGroup.js';
import type { ServiceDeps } from './deps.js';
import { checkJobGroupReferences } from './jobGroups/checkJobGroupReferences.js';
import { type JobGroupSettingsInput, parseJobGroupSettings } from './jobGroups/parseJobGroupSettings.js';

export interface JobGroupInput extends JobGroupSettingsInput {
  instanceId: string;
  name: string;
  /** Line groups in failover order. */
  lineGroupIds: string[];
}

/**
 * Validates everything before writing anything; the group starts as a Draft until jobs arrive. A group given
 * a script runs the version published at this moment (or the published `scriptVersion` it names).
 */
export async function createJobGroup(deps: ServiceDeps, input: JobGroupInput): Promise<JobGroup> {
  const settings = parseJobGroupSettings(input, null, deps.defaultTimeZone);
  if (!(await getInstance(deps.db, input.instanceId))) {
    throw new OutdialError('INSTANCE_NOT_FOUND', `instance ${input.instanceId} does not exist`, {
      field: 'instanceId',
    });
  }
  const { scriptVersion } = await checkJobGroupReferences(deps, input.instanceId, settings);
  const now = deps.clock.now();
  const group: JobGroup = {
    id: deps.newId(),
    instanceId: input.instanceId,
    ...settings,
    scriptVersion,
    status: 'Draft',
    createdAt: now,
    modifiedAt: now,
    startedAt: null,
    finishedAt: null,
    version: 0,
  };
  await insertJobGroup(deps.db, group);
  return group;
}
