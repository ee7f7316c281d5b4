import { invalidField } from '../../core/errors.js';

/** Longest reason kept with an entry. */
export const MAX_LIST_REASON_LENGTH = 1000;

/** Checks the reason (named `reasonField`) and expiry given to new entries; an expiry must lie ahead of `now`. */
export function checkListEntryOptions(
  o: { reason?: string | undefined; expiresAt?: number | null },
  now: number,
  reasonField = 'reason',
): void {
  if (o.reason !== undefined && (typeof o.reason !== 'string' || o.reason.length > MAX_LIST_REASON_LENGTH)) {
    throw invalidField(reasonField, `must be text of at most ${MAX_LIST_REASON_LENGTH} characters`);
  }
  const e = o.expiresAt;
  if (e !== undefined && e !== null) {
    if (!Number.isSafeInteger(e)) throw invalidField('expiresAt', 'must be UTC milliseconds');
    if (e <= now) throw invalidField('expiresAt', `must be later than now (${new Date(now).toISOString()})`);
  }
}
