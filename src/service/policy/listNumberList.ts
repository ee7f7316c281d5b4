import { invalidField } from '../../core/errors.js';
import { countListEntries } from '../../store/policy/countListEntries.js';
import { listListEntries } from '../../store/policy/listListEntries.js';
import type { NumberList, NumberListEntry } from '../../store/policy/numberListEntry.js';
import type { ServiceDeps } from '../deps.js';
import type { Page, PageRequest } from '../paging.js';
import { internationalDigits } from './internationalDigits.js';

export const MAX_LIST_PAGE_SIZE = 1000;

const FORMATTING = /[\s().-]/g;

/** A search text as the start of stored patterns: `138` → `+86138` (default country CN), `+1 415` → `+1415`. */
function patternPrefix(search: string, deps: ServiceDeps): string | undefined {
  const text = search.trim().replace(/\*$/, '').replace(FORMATTING, '');
  if (text === '' || text === '+') return undefined;
  const digits = internationalDigits(text, deps.defaultCountry);
  if (typeof digits !== 'string' || !/^\d+$/.test(digits)) {
    throw invalidField('prefix', 'must be the start of a phone number (digits, optionally after + or 00)');
  }
  return `+${digits}`;
}

const encodeCursor = (pattern: string) => Buffer.from(pattern, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const pattern = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\+\d{1,15}\*?$/.test(pattern)) throw invalidField('cursor', 'is not a cursor this listing returned');
  return pattern;
}

/**
 * Live entries of a list in pattern order, optionally only those starting with `prefix` (as the user writes
 * the start of a number); by cursor, or by page number with the total.
 */
export async function listNumberList(
  deps: ServiceDeps,
  q: { scope: string; list: NumberList; prefix?: string },
  page: PageRequest,
): Promise<Page<NumberListEntry>> {
  const prefix = q.prefix === undefined ? undefined : patternPrefix(q.prefix, deps);
  const query = { scope: q.scope, list: q.list, now: deps.clock.now(), ...(prefix ? { prefix } : {}) };
  const size = page.kind === 'cursor' ? page.limit : page.pageSize;
  if (!Number.isInteger(size) || size < 1 || size > MAX_LIST_PAGE_SIZE) {
    throw invalidField(page.kind === 'cursor' ? 'limit' : 'pageSize', `must be from 1 to ${MAX_LIST_PAGE_SIZE}`);
  }
  if (page.kind === 'offset') {
    if (!Number.isInteger(page.pageNumber) || page.pageNumber < 1) throw invalidField('pageNumber', 'must be ≥ 1');
    const [items, total] = await Promise.all([
      listListEntries(deps.db, query, { limit: size, offset: (page.pageNumber - 1) * size }),
      countListEntries(deps.db, query),
    ]);
    return { items, total };
  }
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const rows = await listListEntries(deps.db, query, { limit: size + 1, after });
  const items = rows.slice(0, size);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > size && last ? encodeCursor(last.pattern) : null };
}
