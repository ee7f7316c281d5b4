import { OutdialError } from '../../../core/errors.js';
import type { JobGroup } from '../../../core/types.js';
import { getScriptOf } from '../../../service/catalog/index.js';
import type { ServiceDeps } from '../../../service/deps.js';
import { jobGroupProgress } from '../../../service/jobGroups/index.js';
import { wireJobGroup } from '../wire/index.js';
import { callingNumbersOf } from './callingNumbers.js';

/** The name of the group's script; '' when it has none or the script is gone. */
async function scriptNameOf(deps: ServiceDeps, group: JobGroup): Promise<string> {
  if (!group.scriptId) return '';
  try {
    return (await getScriptOf(deps, group.instanceId, group.scriptId)).name;
  } catch (error) {
    if (error instanceof OutdialError && error.code === 'SCRIPT_NOT_FOUND') return '';
    throw error;
  }
}

/**
 * The JobGroup object of CreateJobGroup and ModifyJobGroup (`modify`) or DescribeJobGroup (`describe`,
 * with Progress and ScriptName), with its lines' caller numbers.
 */
export async function describedJobGroup(deps: ServiceDeps, group: JobGroup, variant: 'modify' | 'describe') {
  const callingNumbers = await callingNumbersOf(deps, group);
  if (variant === 'modify') return wireJobGroup(group, { callingNumbers }, 'modify');
  const [progress, scriptName] = await Promise.all([
    jobGroupProgress(deps, group.instanceId, group.id),
    scriptNameOf(deps, group),
  ]);
  return wireJobGroup(group, { callingNumbers, progress, scriptName }, 'describe');
}
