import type { Script, Variable } from '../../robot/script/model.js';

/** Declared variables that have no fallback and no (non-empty) value among `given`: the call cannot start without them. */
export function missingVariables(script: Script, given: Readonly<Record<string, string>>): Variable[] {
  return script.variables.filter(
    (v) => v.fallback === undefined && (!Object.hasOwn(given, v.name) || given[v.name] === ''),
  );
}
