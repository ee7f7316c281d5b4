import type { Kysely } from 'kysely';
import type { Db } from '../../store/schema.js';

export interface OpenedAccessKey {
  instanceId: string;
  secret: string;
  revoked: boolean;
}

/** How long an opened AccessKey is trusted without reading its row again. */
export const ACCESS_KEY_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  value: Readonly<OpenedAccessKey>;
  until: number;
}

/**
 * Opened AccessKeys by id, per database handle: signed RPC calls come in bursts and each needs the
 * secret, so a burst reads and decrypts it once. An entry lives ACCESS_KEY_CACHE_MS on the service
 * clock; a revocation made by this process drops the entry at once, one made by another process
 * sharing the database is seen when the entry expires, at most ACCESS_KEY_CACHE_MS later. Unknown
 * ids are never cached, so guessing ids cannot fill it.
 */
const caches = new WeakMap<Kysely<Db>, Map<string, Entry>>();

function cacheOf(db: Kysely<Db>): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

export function cachedAccessKey(db: Kysely<Db>, id: string, now: number): Readonly<OpenedAccessKey> | undefined {
  const cache = cacheOf(db);
  const entry = cache.get(id);
  if (!entry) return undefined;
  if (now < entry.until) return entry.value;
  cache.delete(id);
  return undefined;
}

export function cacheAccessKey(
  db: Kysely<Db>,
  id: string,
  value: OpenedAccessKey,
  now: number,
): Readonly<OpenedAccessKey> {
  const cache = cacheOf(db);
  if (cache.size >= MAX_ENTRIES) {
    for (const [k, e] of cache) if (now >= e.until) cache.delete(k);
    if (cache.size >= MAX_ENTRIES) cache.clear();
  }
  const frozen = Object.freeze({ ...value });
  cache.set(id, { value: frozen, until: now + ACCESS_KEY_CACHE_MS });
  return frozen;
}

export function forgetAccessKey(db: Kysely<Db>, id: string): void {
  caches.get(db)?.delete(id);
}
