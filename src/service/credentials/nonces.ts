import { invalidField } from '../../core/errors.js';
import { deleteNoncesBefore } from '../../store/credentials/deleteNoncesBefore.js';
import { insertNonce } from '../../store/credentials/insertNonce.js';
import type { ServiceDeps } from '../deps.js';

/** The column's width: a longer nonce is refused on every backend alike. */
const MAX_NONCE = 128;

/** Notes a signature nonce of a key: true the first time, false for a replay (across processes too). */
export async function recordNonce(
  deps: ServiceDeps,
  accessKeyId: string,
  nonce: string,
  now: number,
): Promise<boolean> {
  if (typeof nonce !== 'string' || nonce.length === 0 || nonce.length > MAX_NONCE) {
    throw invalidField('nonce', `must be 1 to ${MAX_NONCE} characters`);
  }
  return insertNonce(deps.db, { accessKeyId, nonce, seenAt: now });
}

/** Forgets nonces seen before `olderThan` (outside the timestamp window, a replay fails anyway); returns how many. */
export async function purgeNonces(deps: ServiceDeps, olderThan: number): Promise<number> {
  return deleteNoncesBefore(deps.db, olderThan);
}
