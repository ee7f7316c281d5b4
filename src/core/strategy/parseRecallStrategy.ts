import { invalidField } from '../errors.js';
import type { RecallStrategy } from './types.js';

const FLAGS = ['emptyNumberIgnore', 'inArrearsIgnore', 'outOfServiceIgnore'] as const;

const fail = (path: string, message: string) => invalidField(path, message, 'INVALID_STRATEGY');

/**
 * Parses a RecallStrategyJson (seed 000): an object or a JSON string; undefined, null or a blank string
 * give all flags false. Keys match whatever the case of their first letter; unknown keys are ignored.
 * Each flag is a boolean or the string "true" / "false" (any case); null or absent is false. Anything else
 * is INVALID_STRATEGY naming the field, e.g. `recallStrategy.inArrearsIgnore`.
 */
export function parseRecallStrategy(input: unknown, path = 'recallStrategy'): RecallStrategy {
  const out: RecallStrategy = { emptyNumberIgnore: false, inArrearsIgnore: false, outOfServiceIgnore: false };
  let v = input;
  if (typeof v === 'string') {
    if (v.trim() === '') return out;
    try {
      v = JSON.parse(v);
    } catch {
      throw fail(path, 'is not valid JSON');
    }
  }
  if (v === undefined || v === null) return out;
  if (typeof v !== 'object' || Array.isArray(v)) throw fail(path, `must be an object, got ${JSON.stringify(v)}`);
  const keys = new Map<string, unknown>();
  for (const [k, val] of Object.entries(v)) keys.set(k.charAt(0).toLowerCase() + k.slice(1), val);
  for (const flag of FLAGS) {
    const raw = keys.get(flag);
    if (raw === undefined || raw === null) continue;
    if (typeof raw === 'boolean') out[flag] = raw;
    else if (typeof raw === 'string' && /^\s*(true|false)\s*$/i.test(raw))
      out[flag] = raw.trim().toLowerCase() === 'true';
    else throw fail(`${path}.${flag}`, `must be true or false, got ${JSON.stringify(raw)}`);
  }
  return out;
}
