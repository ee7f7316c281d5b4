import { invalidParameter } from '../errors.js';
import { optionalString, type RpcParams } from '../params.js';

/**
 * A filter naming enum values: one name, a comma-separated list (`Succeeded,Failed`) or a JSON array
 * (`["NoAnswer"]`, as the vendor's examples write JobFailureReasonsFilter). Absent or empty gives
 * undefined (no filter). A name outside `known` is InvalidParameter; names in `known` but not in `served`
 * (vendor values Outdial never produces) are dropped, so they match nothing.
 */
export function nameListParam<T extends string>(
  p: RpcParams,
  name: string,
  served: readonly T[],
  known: readonly string[] = served,
): T[] | undefined {
  const raw = optionalString(p, name)?.trim();
  if (raw === undefined || raw === '') return undefined;
  let names: unknown[];
  if (raw.startsWith('[')) {
    try {
      names = JSON.parse(raw);
    } catch {
      throw invalidParameter(name, 'It is not a valid JSON array.');
    }
    if (!Array.isArray(names)) throw invalidParameter(name, 'It is not a valid JSON array.');
  } else {
    names = raw.split(',').map((s) => s.trim());
  }
  names = names.filter((n) => n !== '');
  if (names.length === 0) return undefined;
  const out: T[] = [];
  for (const n of names) {
    if (typeof n !== 'string' || !known.includes(n)) {
      throw invalidParameter(name, `"${String(n)}" is not one of ${known.join(', ')}.`);
    }
    if ((served as readonly string[]).includes(n) && !out.includes(n as T)) out.push(n as T);
  }
  return out;
}
