import { deleteListEntries } from '../../store/policy/deleteListEntries.js';
import type { NumberList } from '../../store/policy/numberListEntry.js';
import type { ServiceDeps } from '../deps.js';
import { parseListNumbers } from './parseListNumbers.js';

/**
 * Removes numbers and prefixes from a list, written in any form `addListEntries` accepts (a prefix removes that
 * prefix entry, not the numbers it covers). Returns how many entries were removed.
 */
export async function removeListEntries(
  deps: ServiceDeps,
  input: { scope: string; list: NumberList; numbers: unknown },
): Promise<{ removed: number }> {
  const patterns = parseListNumbers(input.numbers, 'numbers', deps.defaultCountry);
  const removed = await deps.db
    .transaction()
    .execute((trx) => deleteListEntries(trx, input.scope, input.list, patterns));
  return { removed };
}
