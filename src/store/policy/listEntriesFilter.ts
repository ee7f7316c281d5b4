import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';
import type { NumberList } from './numberListEntry.js';

export interface ListEntriesQuery {
  scope: string;
  list: NumberList;
  /** Entries at or past their expiry are left out. */
  now: number;
  /** Only patterns starting with this text (`+86138` finds `+8613800000000` and `+86138*`). */
  prefix?: string;
}

/** The smallest text greater than every text starting with `prefix` (byte order). */
const upperBound = (prefix: string): string =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/** The live entries a query matches, as a range of the primary key. */
export function listEntriesFilter(db: Kysely<Db>, q: ListEntriesQuery) {
  let s = db
    .selectFrom('number_list')
    .where('scope', '=', q.scope)
    .where('list', '=', q.list)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', q.now)]));
  // A range (patterns compare byte by byte) rather than LIKE, which no index serves on every backend.
  if (q.prefix) s = s.where('pattern', '>=', q.prefix).where('pattern', '<', upperBound(q.prefix));
  return s;
}
