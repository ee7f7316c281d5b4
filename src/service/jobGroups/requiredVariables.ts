import { OutdialError } from '../../core/errors.js';
import type { Extra, JobGroup } from '../../core/types.js';
import { getScriptVersion } from '../../store/scripts/getScriptVersion.js';
import type { ServiceDeps } from '../deps.js';

/** The variables every job of the group must give: those its script version declares without a fallback. */
export async function requiredVariablesOf(
  deps: Pick<ServiceDeps, 'db'>,
  group: Pick<JobGroup, 'scriptId' | 'scriptVersion'>,
): Promise<string[]> {
  if (group.scriptId === null || group.scriptVersion === null) return [];
  const version = await getScriptVersion(deps.db, group.scriptId, group.scriptVersion);
  return (version?.body.variables ?? []).filter((v) => v.fallback === undefined).map((v) => v.name);
}

/** The first of `required` the extras do not give; an empty value gives nothing, as the robot reads it. */
export function missingVariable(extras: readonly Extra[], required: readonly string[]): string | undefined {
  return required.find((name) => !extras.some((e) => e.key === name && e.value !== ''));
}

/** MISSING_VARIABLE for the job at `path` (e.g. `jobs[3]`), naming the variable it lacks. */
export function missingVariableError(path: string, name: string): OutdialError {
  const field = `${path}.extras.${name}`;
  return new OutdialError(
    'MISSING_VARIABLE',
    `${field}: the script needs variable '${name}' from every job (it has no fallback); give it in extras as { key: '${name}', value: … }`,
    { field, variable: name },
  );
}
