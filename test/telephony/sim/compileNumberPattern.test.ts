import { describe, expect, it } from 'vitest';
import { compileNumberPattern } from '../../../src/telephony/sim/compileNumberPattern.js';

describe('compileNumberPattern', () => {
  it('matches a glob against the whole number: * any run of digits, ? one character', () => {
    const star = compileNumberPattern('+8613800000*');
    expect(star.test('+8613800000')).toBe(true);
    expect(star.test('+86138000001')).toBe(true);
    expect(star.test('+8613800000123')).toBe(true);
    expect(star.test('+8613900000123')).toBe(false);
    expect(star.test('x+8613800000123')).toBe(false);

    const one = compileNumberPattern('+861380000000?');
    expect(one.test('+8613800000007')).toBe(true);
    expect(one.test('+861380000000')).toBe(false);
    expect(one.test('+86138000000071')).toBe(false);
  });

  it('takes + and other characters literally', () => {
    expect(compileNumberPattern('+1555').test('1555')).toBe(false);
    expect(compileNumberPattern('+1555').test('+1555')).toBe(true);
    expect(compileNumberPattern('+1.55').test('+1555')).toBe(false);
  });

  it('uses a RegExp as given, without global state', () => {
    const re = compileNumberPattern(/^\+44/g);
    expect([re.test('+447700900000'), re.test('+447700900000'), re.test('+33612345678')]).toEqual([true, true, false]);
  });
});
