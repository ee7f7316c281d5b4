import type { NumberList } from '../../store/policy/numberListEntry.js';
import { upsertListEntries } from '../../store/policy/upsertListEntries.js';
import type { ServiceDeps } from '../deps.js';
import { checkListEntryOptions } from './listEntryOptions.js';
import { parseListNumbers } from './parseListNumbers.js';

export interface AddListEntriesInput {
  /** An instance id, or GLOBAL_SCOPE for the operator's global block list. */
  scope: string;
  list: NumberList;
  /** Numbers (any form a job's number may take) or prefixes ending in `*`. */
  numbers: unknown;
  reason?: string;
  /** A reason per number, by index, in place of `reason` where given. */
  reasons?: readonly (string | undefined)[];
  /** UTC ms; absent = never expires. */
  expiresAt?: number | null;
}

/**
 * Adds numbers and prefixes to a list, all or (on the first bad one) none. One already listed gets the new
 * expiry, and the new reason when one is given. Returns the stored patterns in the order given.
 */
export async function addListEntries(
  deps: ServiceDeps,
  input: AddListEntriesInput,
): Promise<{ stored: number; patterns: string[] }> {
  const now = deps.clock.now();
  checkListEntryOptions(input, now);
  input.reasons?.forEach((reason, i) => {
    checkListEntryOptions({ reason }, now, `reasons[${i}]`);
  });
  const patterns = parseListNumbers(input.numbers, 'numbers', deps.defaultCountry);
  const entries = patterns.map((pattern, i) => ({
    scope: input.scope,
    list: input.list,
    pattern,
    reason: input.reasons?.[i] ?? input.reason ?? '',
    expiresAt: input.expiresAt ?? null,
  }));
  const stored = await deps.db.transaction().execute((trx) => upsertListEntries(trx, deps.caps, entries, now));
  return { stored, patterns };
}
