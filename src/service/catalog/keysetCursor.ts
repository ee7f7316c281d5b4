import { invalidField } from '../../core/errors.js';

/** Where a newest-first listing stopped: the last row's (created_at, id). */
export interface Keyset {
  createdAt: number;
  id: string;
}

/** An opaque base64url token; clients pass it back untouched. */
export const encodeKeysetCursor = (k: Keyset): string =>
  Buffer.from(JSON.stringify([k.createdAt, k.id]), 'utf8').toString('base64url');

export function decodeKeysetCursor(cursor: string): Keyset {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    v = undefined;
  }
  if (!Array.isArray(v) || v.length !== 2 || !Number.isFinite(v[0]) || typeof v[1] !== 'string') {
    throw invalidField('cursor', 'is not a cursor this listing returned');
  }
  return { createdAt: v[0] as number, id: v[1] };
}
