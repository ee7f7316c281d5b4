import { randomUUID } from 'node:crypto';

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made later sort later, so
 * rows keyed by them are appended at the end of their primary-key B-tree instead of landing on a random page of
 * it; a random UUID's inserts slow down as a table outgrows the page cache. The time is the id's own, not the
 * Clock's: it only orders storage and means nothing to the domain.
 */
export function uuidv7(now: number = Date.now()): string {
  // randomUUID's random bits come from a cached entropy pool (randomBytes per id is a system call each).
  const r = randomUUID(); // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, V the RFC 9562 variant already
  const t = now.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r.slice(15)}`;
}
