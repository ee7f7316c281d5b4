import { invalidField } from '../../core/errors.js';
import type { Page, PageRequest } from '../paging.js';
import { decodeKeysetCursor, encodeKeysetCursor, type Keyset } from './keysetCursor.js';

export const MAX_PAGE_SIZE = 1000;

/** The rows one page reads: `limit` rows after `offset`, or after the `before` key (newest first). */
export interface PageWindow {
  limit: number;
  offset: number;
  before: Keyset | null;
}

export interface PageSource<T> {
  fetch(w: PageWindow): Promise<T[]>;
  /** How many rows match in all (offset paging only). */
  count(): Promise<number>;
  /** The (created_at, id) key of a row; needed for cursor paging only. */
  keyOf?(item: T): Keyset;
}

const isSize = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_PAGE_SIZE;

/** Validates a page request and reads that page: cursor paging by keyset (no OFFSET), offset paging with a total. */
export async function listPage<T>(page: PageRequest, source: PageSource<T>): Promise<Page<T>> {
  if (page.kind === 'cursor') {
    if (!isSize(page.limit)) throw invalidField('limit', `must be an integer from 1 to ${MAX_PAGE_SIZE}`);
    const { keyOf } = source;
    if (!keyOf) throw new Error('this listing has no cursor paging');
    const before = page.cursor === undefined || page.cursor === '' ? null : decodeKeysetCursor(page.cursor);
    // One row more than asked tells whether another page follows.
    const rows = await source.fetch({ limit: page.limit + 1, offset: 0, before });
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > page.limit && last !== undefined ? encodeKeysetCursor(keyOf(last)) : null,
    };
  }
  if (typeof page.pageNumber !== 'number' || !Number.isInteger(page.pageNumber) || page.pageNumber < 1) {
    throw invalidField('pageNumber', 'must be an integer ≥ 1');
  }
  if (!isSize(page.pageSize)) throw invalidField('pageSize', `must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  const [items, total] = await Promise.all([
    source.fetch({ limit: page.pageSize, offset: (page.pageNumber - 1) * page.pageSize, before: null }),
    source.count(),
  ]);
  return { items, total };
}
