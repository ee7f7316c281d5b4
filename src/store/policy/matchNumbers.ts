import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';
import { GLOBAL_SCOPE, type NumberList, type NumberListEntry, toNumberListEntry } from './numberListEntry.js';
import { patternCandidates } from './patternCandidates.js';

/** Numbers per statement: 16 candidates each stays far under every backend's parameter limit. */
const NUMBERS_PER_QUERY = 500;

/**
 * The list entry each number matches, for those that match one: the most specific pattern wins (the number
 * itself, then the longest prefix), and on the same pattern the instance's entry before the global one.
 * `useGlobal` adds the operator's global list (scope '*'). Expired entries never match. Each number costs one
 * index seek per candidate pattern (patternCandidates), whatever the size of the lists.
 */
export async function matchNumbers(
  db: Kysely<Db>,
  instanceId: string,
  list: NumberList,
  numbers: readonly string[],
  now: number,
  useGlobal: boolean,
): Promise<Map<string, NumberListEntry>> {
  const matches = new Map<string, NumberListEntry>();
  const unique = [...new Set(numbers)];
  const scopes = useGlobal ? [instanceId, GLOBAL_SCOPE] : [instanceId];
  for (let i = 0; i < unique.length; i += NUMBERS_PER_QUERY) {
    const batch = unique.slice(i, i + NUMBERS_PER_QUERY);
    const candidates = batch.map(patternCandidates);
    const rows = await db
      .selectFrom('number_list')
      .selectAll()
      .where('scope', 'in', scopes)
      .where('list', '=', list)
      .where('pattern', 'in', [...new Set(candidates.flat())])
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute();
    if (rows.length === 0) continue;
    const byPattern = new Map<string, NumberListEntry>();
    for (const row of rows) {
      const held = byPattern.get(row.pattern);
      if (!held || row.scope !== GLOBAL_SCOPE) byPattern.set(row.pattern, toNumberListEntry(row));
    }
    batch.forEach((number, n) => {
      for (const pattern of candidates[n]!) {
        const entry = byPattern.get(pattern);
        if (entry) {
          matches.set(number, entry);
          break;
        }
      }
    });
  }
  return matches;
}
