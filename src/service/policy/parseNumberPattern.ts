import { type CountryCode, getCountries, getCountryCallingCode } from 'libphonenumber-js';
import { normalizePhoneNumber } from '../../core/jobs/normalizePhoneNumber.js';
import { internationalDigits } from './internationalDigits.js';

export type ParsedNumberPattern = { pattern: string } | { error: string };

/** E.164 numbers have at most 15 digits. */
const MAX_DIGITS = 15;
const FORMATTING = /[\s().-]/g;
const DIGITS = /^\d+$/;

let callingCodes: Set<string> | undefined;
const knownCallingCodes = (): Set<string> => {
  callingCodes ??= new Set(getCountries().map((c) => getCountryCallingCode(c)));
  return callingCodes;
};

/**
 * A block or allow list entry as the user wrote it, in stored form: a number in E.164 (national numbers are
 * read in `defaultCountry`, as job numbers are), or a prefix ending in `*` (`+86 138*`, `0086138*`, or national
 * `138*`) as `+<digits>*`. A prefix must name at least a country calling code. Never throws for bad input.
 */
export function parseNumberPattern(raw: string, defaultCountry: CountryCode): ParsedNumberPattern {
  if (typeof raw !== 'string') return { error: 'not a string' };
  const text = raw.trim();
  if (!text.endsWith('*')) {
    const number = normalizePhoneNumber(text, defaultCountry);
    return 'e164' in number ? { pattern: number.e164 } : number;
  }
  const body = text.slice(0, -1).replace(FORMATTING, '');
  if (body.includes('*')) return { error: "'*' only allowed at the end" };
  if (body === '' || body === '+' || body === '00') return { error: 'a prefix needs digits before its *' };
  const digits = internationalDigits(body, defaultCountry);
  if (typeof digits !== 'string') return digits;
  if (!DIGITS.test(digits)) return { error: 'a prefix holds digits only, before its final *' };
  if (digits.length > MAX_DIGITS) return { error: `too long: a number has at most ${MAX_DIGITS} digits` };
  const codes = knownCallingCodes();
  if (![1, 2, 3].some((n) => digits.length >= n && codes.has(digits.slice(0, n)))) {
    return { error: 'a prefix must start with a country calling code (e.g. +86138*)' };
  }
  return { pattern: `+${digits}*` };
}
