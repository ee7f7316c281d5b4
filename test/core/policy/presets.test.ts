import { describe, expect, it } from 'vitest';
import { calleeZone } from '../../../src/core/policy/calleeZone.js';
import { checkDial } from '../../../src/core/policy/checkDial.js';
import { effectivePolicy } from '../../../src/core/policy/effectivePolicy.js';
import { PRESETS } from '../../../src/core/policy/presets.js';
import type { NumberFacts, PolicyPreset, Verdict } from '../../../src/core/policy/types.js';
import { POLICY_PRESETS } from '../../../src/core/policy/types.js';

/** An instant written with its offset, e.g. "2026-05-12T08:00+08:00". */
const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad ISO ${iso}`);
  return t;
};
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const facts = (over: Partial<NumberFacts> = {}): NumberFacts => ({
  recentDials: [],
  jobDials: [],
  lastAnsweredAt: null,
  emptyAt: null,
  blocked: null,
  allowed: false,
  ...over,
});

function check(preset: PolicyPreset, now: number, zone: string | string[], f: NumberFacts = facts()): Verdict {
  return checkDial(effectivePolicy({ presets: [preset] }), { now, number: '+10000000000', zone }, f);
}
const allow: Verdict = { kind: 'allow' };
const deferred = (reason: string, until: number) => expect.objectContaining({ kind: 'defer', reason, until });

describe('PRESETS', () => {
  it('describes every preset and cites a regulation for every rule it sets', () => {
    for (const name of POLICY_PRESETS) {
      const preset = PRESETS[name];
      expect(preset.description.length).toBeGreaterThan(40);
      const policy = effectivePolicy({ presets: [name] });
      // Every rule in force under the preset alone is credited to the preset and its citation.
      const keys = Object.keys(policy.sources);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(preset.sources[key], `${name} ${key}`).toBeTruthy();
        expect(policy.sources[key]).toBe(`${name}: ${preset.sources[key]}`);
      }
    }
  });
});

describe('cn-carrier', () => {
  const SH = 'Asia/Shanghai';

  it('reads a CN number in Asia/Shanghai', () => {
    expect(calleeZone('+8613800138000', null, 'Europe/Berlin')).toEqual({ zones: [SH], source: 'number' });
  });

  it('calls only from 8:00 to 21:00 Beijing time, every day', () => {
    expect(check('cn-carrier', at('2026-05-12T07:59:59+08:00'), SH)).toEqual(
      deferred('BasePeriod', at('2026-05-12T08:00+08:00')),
    );
    expect(check('cn-carrier', at('2026-05-12T08:00+08:00'), SH)).toEqual(allow);
    expect(check('cn-carrier', at('2026-05-16T20:59:59+08:00'), SH)).toEqual(allow); // a Saturday
    expect(check('cn-carrier', at('2026-05-12T21:00+08:00'), SH)).toEqual(
      deferred('BasePeriod', at('2026-05-13T08:00+08:00')),
    );
    expect(check('cn-carrier', at('2026-05-12T23:30+08:00'), SH)).toEqual(
      deferred('BasePeriod', at('2026-05-13T08:00+08:00')),
    );
  });

  it('defers the 6th call to a number within 24 h until the first of the five is 24 h old', () => {
    const five = ['09:00', '10:00', '11:00', '12:00', '13:00'].map((h) => at(`2026-05-12T${h}+08:00`));
    const now = at('2026-05-12T14:00+08:00');
    const v = check('cn-carrier', now, SH, facts({ recentDials: five }));
    expect(v).toEqual(deferred('PerDayCallCountLimit', at('2026-05-13T09:00+08:00') + 1));
    expect(v.kind === 'defer' && v.rule).toBe('per number: 5 per 24 h (cn-carrier: Tencent CCC carrier rules)');
    expect(check('cn-carrier', at('2026-05-13T09:00+08:00') + 1, SH, facts({ recentDials: five }))).toEqual(allow);
    // Four calls in 24 h leave room for a fifth.
    expect(check('cn-carrier', now, SH, facts({ recentDials: five.slice(1) }))).toEqual(allow);
  });

  it('counts a call made exactly 24 h ago', () => {
    const now = at('2026-05-12T14:00+08:00');
    const dials = [now - DAY, now - 4 * HOUR, now - 3 * HOUR, now - 2 * HOUR, now - HOUR];
    expect(check('cn-carrier', now, SH, facts({ recentDials: dials }))).toEqual(
      deferred('PerDayCallCountLimit', now + 1),
    );
    expect(check('cn-carrier', now, SH, facts({ recentDials: [now - DAY - 1, ...dials.slice(1)] }))).toEqual(allow);
  });

  it('defers the 4th call within 5 minutes until the first of the three is 5 minutes old', () => {
    const three = [at('2026-05-12T10:00+08:00'), at('2026-05-12T10:01+08:00'), at('2026-05-12T10:02+08:00')];
    const v = check('cn-carrier', at('2026-05-12T10:03+08:00'), SH, facts({ recentDials: three }));
    expect(v).toEqual(deferred('PerDayCallCountLimit', at('2026-05-12T10:05+08:00') + 1));
    expect(v.kind === 'defer' && v.rule).toBe('per number: 3 per 5 min (cn-carrier: Tencent CCC carrier rules)');
    expect(check('cn-carrier', at('2026-05-12T10:05:01+08:00'), SH, facts({ recentDials: three }))).toEqual(allow);
  });

  it('a limit that frees the number after 21:00 waits for the next morning', () => {
    // Five calls the evening before (placed by a group that read the callee in another zone).
    const five = ['22:00', '22:10', '22:20', '22:30', '22:40'].map((h) => at(`2026-05-11T${h}+08:00`));
    const v = check('cn-carrier', at('2026-05-12T20:00+08:00'), SH, facts({ recentDials: five }));
    expect(v).toEqual(deferred('BasePeriod', at('2026-05-13T08:00+08:00')));
  });
});

describe('us-tcpa', () => {
  const NY = 'America/New_York';

  it('calls only from 8:00 to 21:00 in the callee zone, across the spring DST change', () => {
    expect(check('us-tcpa', at('2026-07-01T07:59-04:00'), NY)).toEqual(
      deferred('BasePeriod', at('2026-07-01T08:00-04:00')),
    );
    expect(check('us-tcpa', at('2026-07-01T08:00-04:00'), NY)).toEqual(allow);
    expect(check('us-tcpa', at('2026-07-01T20:59:59-04:00'), NY)).toEqual(allow);
    expect(check('us-tcpa', at('2026-07-01T21:00-04:00'), NY)).toEqual(
      deferred('BasePeriod', at('2026-07-02T08:00-04:00')),
    );
    // Saturday 7 March 21:00 EST; clocks go forward that night, so 8:00 on Sunday is EDT.
    expect(check('us-tcpa', at('2026-03-07T21:00-05:00'), NY)).toEqual(
      deferred('BasePeriod', at('2026-03-08T08:00-04:00')),
    );
    // 1 November: 8:00 EST, one hour later in UTC than the day before.
    expect(check('us-tcpa', at('2026-10-31T22:00-04:00'), NY)).toEqual(
      deferred('BasePeriod', at('2026-11-01T08:00-05:00')),
    );
  });

  it('for a US number without a known zone, holds the hours in every US zone: 8:00 Hawaii to 21:00 Eastern', () => {
    const { zones } = calleeZone('+12125550123', null, 'UTC');
    expect(zones).toEqual(expect.arrayContaining([NY, 'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles']));
    // Summer: 8:00 HST = 18:00Z; 21:00 EDT = 01:00Z.
    expect(check('us-tcpa', at('2026-07-01T17:59:59Z'), zones)).toEqual(
      deferred('BasePeriod', at('2026-07-01T18:00Z')),
    );
    expect(check('us-tcpa', at('2026-07-01T18:00Z'), zones)).toEqual(allow);
    expect(check('us-tcpa', at('2026-07-02T00:59:59Z'), zones)).toEqual(allow);
    expect(check('us-tcpa', at('2026-07-02T01:00Z'), zones)).toEqual(deferred('BasePeriod', at('2026-07-02T18:00Z')));
    // Winter: 21:00 EST = 02:00Z.
    expect(check('us-tcpa', at('2026-01-16T01:59:59Z'), zones)).toEqual(allow);
    expect(check('us-tcpa', at('2026-01-16T02:00Z'), zones)).toEqual(deferred('BasePeriod', at('2026-01-16T18:00Z')));
  });

  it('raises the ring time to 15 s and sets no attempt limits', () => {
    const policy = effectivePolicy({ presets: ['us-tcpa'] });
    expect(policy.minRingSeconds).toBe(15);
    const now = at('2026-07-01T12:00-04:00');
    const many = Array.from({ length: 20 }, (_, i) => now - (i + 1) * MINUTE);
    expect(check('us-tcpa', now, NY, facts({ recentDials: many, jobDials: many }))).toEqual(allow);
  });
});

describe('us-reg-f', () => {
  const NY = 'America/New_York';

  it('defers the 8th call in 7 days until the first of the seven is 7 days old', () => {
    const seven = Array.from({ length: 7 }, (_, i) => at(`2026-06-0${i + 1}T10:00-04:00`));
    const now = at('2026-06-07T15:00-04:00');
    const v = check('us-reg-f', now, NY, facts({ recentDials: seven }));
    expect(v).toEqual(deferred('PerDayCallCountLimit', at('2026-06-08T10:00-04:00') + 1));
    expect(v.kind === 'defer' && v.rule).toContain('per number: 7 per 7 days (us-reg-f: Reg F 12 CFR 1006.14(b)(2))');
    expect(check('us-reg-f', now, NY, facts({ recentDials: seven.slice(1) }))).toEqual(allow);
  });

  it('does not call for 7 days after a conversation', () => {
    const answered = at('2026-06-01T10:00-04:00');
    const v = check('us-reg-f', answered + 6 * DAY, NY, facts({ recentDials: [answered], lastAnsweredAt: answered }));
    expect(v).toEqual(deferred('QuietPeriod', answered + 7 * DAY));
    expect(v.kind === 'defer' && v.rule).toBe(
      'quiet period: 7 days after a conversation (us-reg-f: Reg F 12 CFR 1006.14(b)(2))',
    );
    expect(check('us-reg-f', answered + 7 * DAY, NY, facts({ lastAnsweredAt: answered }))).toEqual(allow);
  });

  it('sets no calling hours of its own', () => {
    expect(check('us-reg-f', at('2026-06-01T03:00-04:00'), NY)).toEqual(allow);
  });
});
