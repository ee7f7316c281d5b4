import { RobotError } from '../errors.js';
import type { Variable } from '../script/model.js';

/**
 * The job's variables with each declared one present: the job's value, else the declared
 * fallback. A declared variable with neither throws RobotError `MISSING_VARIABLE` naming it, so a
 * prompt never speaks "undefined" or a blank. An empty value counts as missing.
 */
export function resolveVariables(
  declared: readonly Variable[],
  given: Readonly<Record<string, string>>,
): Record<string, string> {
  const values: Record<string, string> = { ...given };
  const missing: string[] = [];
  for (const variable of declared) {
    const value = Object.hasOwn(given, variable.name) ? given[variable.name] : undefined;
    if (value !== undefined && value !== '') continue;
    if (variable.fallback !== undefined) values[variable.name] = variable.fallback;
    else missing.push(variable.name);
  }
  if (missing.length > 0) {
    const names = missing.map((n) => `'${n}'`).join(', ');
    throw new RobotError('MISSING_VARIABLE', `the job lacks variable ${names}, which has no fallback`);
  }
  return values;
}
