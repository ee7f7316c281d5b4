import type { CountryCode } from 'libphonenumber-js';
import { invalidField, OutdialError } from '../../core/errors.js';
import { parseNumberPattern } from './parseNumberPattern.js';

/** Entries one call may add or remove. */
export const MAX_LIST_NUMBERS_PER_CALL = 10_000;

const SHOWN_VALUE_LENGTH = 64;

/**
 * The patterns of a list of numbers and prefixes as a caller sent them (`path` names the list, e.g. `numbers`),
 * in stored form; the first bad one is INVALID_PHONE_NUMBER naming its index (`numbers[3]`).
 */
export function parseListNumbers(input: unknown, path: string, defaultCountry: CountryCode): string[] {
  if (!Array.isArray(input)) throw invalidField(path, 'must be a list of numbers or prefixes');
  if (input.length === 0) throw invalidField(path, 'must name at least one number');
  if (input.length > MAX_LIST_NUMBERS_PER_CALL) {
    throw invalidField(path, `must name at most ${MAX_LIST_NUMBERS_PER_CALL} numbers per call`);
  }
  return input.map((raw, i) => {
    const field = `${path}[${i}]`;
    if (typeof raw !== 'string') throw invalidField(field, 'must be a string', 'INVALID_PHONE_NUMBER');
    const parsed = parseNumberPattern(raw, defaultCountry);
    if ('error' in parsed) {
      const shown = raw.length > SHOWN_VALUE_LENGTH ? `${raw.slice(0, SHOWN_VALUE_LENGTH)}…` : raw;
      throw new OutdialError('INVALID_PHONE_NUMBER', `${field}: ${parsed.error} (got '${shown}')`, { field });
    }
    return parsed.pattern;
  });
}
