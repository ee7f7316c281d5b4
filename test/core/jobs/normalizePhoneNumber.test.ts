import fc from 'fast-check';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { normalizePhoneNumber } from '../../../src/core/jobs/normalizePhoneNumber.js';

describe('normalizePhoneNumber: valid numbers', () => {
  const cases: [string, CountryCode, string][] = [
    // CN mobiles (seed 000's example number first)
    ['17355385975', 'CN', '+8617355385975'],
    ['13800138000', 'CN', '+8613800138000'],
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['138-0013-8000', 'CN', '+8613800138000'],
    ['138.0013.8000', 'CN', '+8613800138000'],
    ['(138) 0013 8000', 'CN', '+8613800138000'],
    [' 13800138000 ', 'CN', '+8613800138000'],
    ['１３８００１３８０００', 'CN', '+8613800138000'],
    ['+8613800138000', 'CN', '+8613800138000'],
    ['+86 138 0013 8000', 'CN', '+8613800138000'],
    ['(+86) 138-0013-8000', 'CN', '+8613800138000'],
    ['＋86 138 0013 8000', 'CN', '+8613800138000'],
    ['0086 138 0013 8000', 'CN', '+8613800138000'],
    ['008613800138000', 'CN', '+8613800138000'],
    ['8613800138000', 'CN', '+8613800138000'],
    ['1795113800138000', 'CN', '+8613800138000'], // carrier-selection prefix 17951 is stripped
    ['17912345678', 'CN', '+8617912345678'],
    // CN fixed lines with area code
    ['02112345678', 'CN', '+862112345678'],
    ['021-1234-5678', 'CN', '+862112345678'],
    ['(021) 1234 5678', 'CN', '+862112345678'],
    ['010 6552 9988', 'CN', '+861065529988'],
    ['+86 21 1234 5678', 'CN', '+862112345678'],
    // other countries, '+' and '00' international
    ['+1 650-253-0000', 'CN', '+16502530000'],
    ['00 1 650 253 0000', 'CN', '+16502530000'],
    ['(650) 253-0000', 'US', '+16502530000'],
    ['0044 20 7946 0958', 'US', '+442079460958'], // '00' even where the IDD is 011
    ['011 44 20 7946 0958', 'US', '+442079460958'],
    ['030 12345678', 'DE', '+493012345678'],
    ['+49 30 12345678', 'CN', '+493012345678'],
  ];
  it.each(cases)('%j in %s → %s', (raw, country, e164) => {
    expect(normalizePhoneNumber(raw, country)).toEqual({ e164 });
  });
});

describe('normalizePhoneNumber: rejected inputs', () => {
  const cases: [unknown, CountryCode, string][] = [
    ['abc', 'CN', 'contains letters'],
    ['1380013800O', 'CN', 'contains letters'],
    ['1-800-FLOWERS', 'US', 'contains letters'],
    ['tel:+8613800138000', 'CN', 'contains letters'],
    ['13800138000 ext 12', 'CN', 'contains letters'],
    ['12345', 'CN', 'too short'],
    ['12', 'CN', 'too short'],
    ['', 'CN', 'empty'],
    ['   ', 'CN', 'empty'],
    ['+', 'CN', 'no digits'],
    ['1851*******', 'CN', "contains invalid character '*'"],
    ['13800138000转8', 'CN', "contains invalid character '转'"],
    ['138+00138000', 'CN', "'+' only allowed at the start"],
    ['++8613800138000', 'CN', "'+' only allowed at the start"],
    ['1380013800012345678', 'CN', 'too long'],
    ['1'.repeat(80), 'CN', 'too long'],
    ['+999 1234567', 'CN', 'unknown country calling code'],
    ['23456789012', 'CN', 'not a valid CN number'],
    ['17900005000', 'CN', 'too short'], // read as 17900 (a carrier) + 00 (international) + 5000
    [17355385975, 'CN', 'not a string'],
    ['13800138000', 'XX' as CountryCode, 'unsupported default country XX'],
  ];
  it.each(cases)('%j in %s → %s', (raw, country, error) => {
    expect(normalizePhoneNumber(raw as string, country)).toEqual({ error });
  });
});

const DIGIT = fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
/**
 * 1[3-9]XXXXXXXXX, less the 179 block: 179xx are not mobiles but carrier IP-dialling prefixes (17951, 17911 …),
 * and libphonenumber reads 179xx00… as "carrier prefix + international 00" (see the test below).
 */
const cnMobile = fc
  .tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), fc.array(DIGIT, { minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest.join('')}`)
  .filter((mobile) => !mobile.startsWith('179'));

/** Ways people write a CN mobile. */
const FORMATS: ((m: string) => string)[] = [
  (m) => m,
  (m) => `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
  (m) => `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
  (m) => `${m.slice(0, 3)}.${m.slice(3, 7)}.${m.slice(7)}`,
  (m) => `(${m.slice(0, 3)}) ${m.slice(3)}`,
  (m) => `+86${m}`,
  (m) => `+86 ${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
  (m) => `(+86) ${m}`,
  (m) => `0086${m}`,
  (m) => `00 86 ${m}`,
  (m) => `86${m}`,
  (m) => ` ${m}\t`,
];

describe('normalizePhoneNumber: properties', () => {
  it('any CN mobile 1[3-9]XXXXXXXXX, however formatted, normalises to the same +86 E.164', () => {
    fc.assert(
      fc.property(cnMobile, fc.integer({ min: 0, max: FORMATS.length - 1 }), (mobile, f) => {
        expect(normalizePhoneNumber(FORMATS[f]!(mobile), 'CN')).toEqual({ e164: `+86${mobile}` });
      }),
      { numRuns: 2000 },
    );
  });

  // The fast path must agree with libphonenumber on everything it answers; this pins that down for the
  // installed metadata (run it again after upgrading libphonenumber-js).
  it('agrees with libphonenumber-js on digit strings of every shape', () => {
    const prefixes = ['', '', '0', '00', '+', '1', '17951', '12593', '0086', '86', '+86', '+860', '+49', '+91', '+55'];
    const countries: CountryCode[] = ['CN', 'CN', 'CN', 'DE', 'IN', 'BR', 'AR', 'MX', 'FR', 'JP', 'US', 'GB', 'RU'];
    fc.assert(
      fc.property(
        fc.constantFrom(...countries),
        fc.constantFrom(...prefixes),
        fc.array(DIGIT, { minLength: 1, maxLength: 14 }),
        (country, prefix, rest) => {
          const raw = prefix + rest.join('');
          const international = !raw.startsWith('+') && raw.startsWith('00') ? `+${raw.slice(2)}` : raw;
          const digitCount = international.replace('+', '').length;
          const result = normalizePhoneNumber(raw, country);
          if (digitCount < 3 || digitCount > 17) {
            expect(result).toHaveProperty('error');
            return;
          }
          const reference = parsePhoneNumberFromString(international, country);
          const expected = reference?.isValid() ? reference.number : null;
          expect('e164' in result ? result.e164 : null).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
