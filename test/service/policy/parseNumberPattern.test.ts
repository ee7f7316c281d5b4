import { describe, expect, it } from 'vitest';
import { normalizePhoneNumber } from '../../../src/core/jobs/normalizePhoneNumber.js';
import { parseNumberPattern } from '../../../src/service/policy/parseNumberPattern.js';

describe('parseNumberPattern', () => {
  it('stores a number the way a job with that number dials it', () => {
    for (const raw of ['13800138000', '+86 138 0013 8000', '008613800138000', '(010) 6552-9988']) {
      const job = normalizePhoneNumber(raw, 'CN');
      expect(parseNumberPattern(raw, 'CN')).toEqual({ pattern: 'e164' in job ? job.e164 : 'not a number' });
    }
    expect(parseNumberPattern('(415) 555-0132', 'US')).toEqual({ pattern: '+14155550132' });
  });

  it('stores a prefix as +<digits>*, reading a national prefix in the default country', () => {
    expect(parseNumberPattern('+86 138*', 'CN')).toEqual({ pattern: '+86138*' });
    expect(parseNumberPattern('0086138*', 'CN')).toEqual({ pattern: '+86138*' });
    expect(parseNumberPattern('138*', 'CN')).toEqual({ pattern: '+86138*' });
    // CN's trunk prefix 0 is dropped: 010… is Beijing, +8610….
    expect(parseNumberPattern('010*', 'CN')).toEqual({ pattern: '+8610*' });
    expect(parseNumberPattern('415*', 'US')).toEqual({ pattern: '+1415*' });
    expect(parseNumberPattern('1 (415)*', 'US')).toEqual({ pattern: '+1415*' });
    expect(parseNumberPattern('+86*', 'CN')).toEqual({ pattern: '+86*' });
  });

  it.each([
    ['', 'empty'],
    ['138abc', 'letters'],
    ['*', 'digits before its *'],
    ['+*', 'digits before its *'],
    ['13*8*', "'*' only allowed at the end"],
    ['+8*', 'country calling code'],
    ['+99*', 'country calling code'],
    ['+1234567890123456*', 'at most 15 digits'],
    ['+86 abc*', 'digits only'],
  ])('refuses %j, saying why', (raw, why) => {
    const parsed = parseNumberPattern(raw, 'CN');
    expect('error' in parsed && parsed.error).toContain(why);
  });
});
