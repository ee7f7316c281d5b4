import { IANAZone } from 'luxon';

/** Answers are cached; past this many distinct inputs new ones are checked but no longer cached (bounded memory). */
const MAX_CACHED = 1024;
const cache = new Map<string, boolean>();

/** True when `zone` names an IANA time zone (e.g. `Asia/Shanghai`, `UTC`) that the runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone === '') return false;
  let valid = cache.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (cache.size < MAX_CACHED) cache.set(zone, valid);
  }
  return valid;
}
