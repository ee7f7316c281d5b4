import { describe, expect, it } from 'vitest';
import { OutdialError } from '../../../src/core/errors.js';
import { checkDial } from '../../../src/core/policy/checkDial.js';
import { effectivePolicy } from '../../../src/core/policy/effectivePolicy.js';
import type { NumberFacts, PolicySettings, Verdict } from '../../../src/core/policy/types.js';

const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad ISO ${iso}`);
  return t;
};
const HOUR = 3_600_000;
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
const check = (
  settings: Omit<PolicySettings, 'presets'> & { presets?: PolicySettings['presets'] },
  now: number,
  zone: string | string[],
  f: NumberFacts = facts(),
): Verdict => checkDial(effectivePolicy({ presets: [], ...settings }), { now, number: '+8613800138000', zone }, f);

const NOON = at('2026-05-12T12:00+08:00');
const SH = 'Asia/Shanghai';

describe('checkDial refusals', () => {
  const block = { pattern: '+86138*', scope: 'instance' as const, reason: 'complained' };

  it('refuses a blocked number, naming the entry and its list, before anything else', () => {
    const v = check(
      { presets: ['cn-carrier'], allowListOnly: true, emptyNumberDays: 30 },
      at('2026-05-12T23:00+08:00'),
      SH,
      facts({ blocked: block, emptyAt: NOON - DAY }),
    );
    expect(v).toEqual({
      kind: 'refuse',
      reason: 'ContactBlockList',
      rule: 'instance block list: +86138* (complained)',
    });
  });

  it('ignores a global entry when the policy turns the global list off, never an instance entry', () => {
    const global = { ...block, scope: 'global' as const };
    expect(check({}, NOON, SH, facts({ blocked: global })).kind).toBe('refuse');
    expect(check({ useGlobalBlockList: false }, NOON, SH, facts({ blocked: global }))).toEqual({ kind: 'allow' });
    expect(check({ useGlobalBlockList: false }, NOON, SH, facts({ blocked: block })).kind).toBe('refuse');
  });

  it('with allow-list-only, refuses numbers not on the list', () => {
    expect(check({ allowListOnly: true }, NOON, SH)).toEqual({
      kind: 'refuse',
      reason: 'ContactBlockList',
      rule: 'allow list only (settings)',
    });
    expect(check({ allowListOnly: true }, NOON, SH, facts({ allowed: true }))).toEqual({ kind: 'allow' });
  });

  it('refuses a number found empty within emptyNumberDays, and only then', () => {
    const emptyAt = NOON - 10 * DAY;
    const v = check({ emptyNumberDays: 30 }, NOON, SH, facts({ emptyAt }));
    expect(v).toMatchObject({ kind: 'refuse', reason: 'EmptyNumber' });
    expect(v.kind === 'refuse' && v.rule).toContain('30 days');
    expect(check({ emptyNumberDays: 10 }, NOON, SH, facts({ emptyAt }))).toEqual({ kind: 'allow' });
    expect(check({ emptyNumberDays: 0 }, NOON, SH, facts({ emptyAt }))).toEqual({ kind: 'allow' });
  });
});

describe('checkDial deferrals', () => {
  it('counts a per-number local day in the first zone and waits for its next midnight', () => {
    const zone = ['America/New_York', 'America/Los_Angeles'];
    const dials = [at('2026-03-07T09:00-05:00'), at('2026-03-07T10:00-05:00')];
    // 23:30 on Saturday in New York; the next day begins at 00:00 EST, before that night's DST change.
    const v = check(
      { perNumber: { perLocalDay: 2 } },
      at('2026-03-07T23:30-05:00'),
      zone,
      facts({ recentDials: dials }),
    );
    expect(v).toMatchObject({ kind: 'defer', reason: 'PerDayCallCountLimit', until: at('2026-03-08T00:00-05:00') });
    expect(v.kind === 'defer' && v.rule).toBe('per number: 2 per local day (settings)');
    // A call yesterday in New York does not count today.
    expect(
      check({ perNumber: { perLocalDay: 2 } }, at('2026-03-08T00:30-05:00'), zone, facts({ recentDials: dials })),
    ).toEqual({ kind: 'allow' });
  });

  it('per job: counts only the job’s own calls, then waits for its next local day', () => {
    const calls = [at('2026-05-12T09:00+08:00'), at('2026-05-12T10:00+08:00')];
    const v = check({ perJobPerDay: 2 }, NOON, SH, facts({ jobDials: calls }));
    expect(v).toMatchObject({ kind: 'defer', reason: 'JobPerDayCallCountLimit', until: at('2026-05-13T00:00+08:00') });
    expect(check({ perJobPerDay: 2 }, NOON, SH, facts({ recentDials: calls }))).toEqual({ kind: 'allow' });
  });

  it('a local day that starts in a DST gap begins at the first real instant', () => {
    // Santiago skips from 24:00 to 01:00 on 6 September 2026.
    const zone = 'America/Santiago';
    const calls = [at('2026-09-05T10:00-04:00')];
    const v = check({ perJobPerDay: 1 }, at('2026-09-05T22:00-04:00'), zone, facts({ jobDials: calls }));
    expect(v).toMatchObject({ kind: 'defer', until: at('2026-09-06T01:00-03:00') });
  });

  it('when several rules defer, waits for the latest and names it', () => {
    const answered = at('2026-05-10T15:00+08:00');
    const calls = [NOON - 3 * HOUR, NOON - 2 * HOUR, NOON - HOUR];
    const v = check(
      { perNumber: { per24h: 3 }, quietDaysAfterConversation: 3 },
      NOON,
      SH,
      facts({ recentDials: calls, lastAnsweredAt: answered }),
    );
    expect(v).toMatchObject({ kind: 'defer', reason: 'QuietPeriod', until: answered + 3 * DAY });
    expect(v.kind === 'defer' && v.rule).toBe('quiet period: 3 days after a conversation (settings)');
  });

  it('looks again where a rule lets go: a quiet period ending at night waits for the calling hours', () => {
    const answered = at('2026-05-10T22:30+08:00');
    const v = check(
      { presets: ['cn-carrier'], quietDaysAfterConversation: 2 },
      NOON,
      SH,
      facts({ lastAnsweredAt: answered }),
    );
    expect(v).toMatchObject({ kind: 'defer', reason: 'BasePeriod', until: at('2026-05-13T08:00+08:00') });
  });

  it('holds a base period in every zone given: Kathmandu +5:45 and Adelaide +9:30 together', () => {
    const settings = { basePeriod: { days: [1, 2, 3, 4, 5], windows: [{ begin: '09:00', end: '17:00' }] } };
    const zones = ['Asia/Kathmandu', 'Australia/Adelaide'];
    // Open where 09:00–17:00 in both: Kathmandu 09:00 = 03:15Z, Adelaide (ACST, +9:30) 17:00 = 07:30Z.
    expect(check(settings, at('2026-06-10T03:14:59Z'), zones)).toMatchObject({ until: at('2026-06-10T03:15Z') });
    expect(check(settings, at('2026-06-10T07:29:59Z'), zones)).toEqual({ kind: 'allow' });
    // Friday 07:30Z: closed in Adelaide; Monday 03:15Z is the next instant open in both.
    expect(check(settings, at('2026-06-12T07:30Z'), zones)).toMatchObject({
      reason: 'BasePeriod',
      until: at('2026-06-15T03:15Z'),
    });
  });

  it('a base period that never opens defers 14 days and says so', () => {
    const settings = {
      presets: ['us-tcpa' as const],
      basePeriod: { days: [0], windows: [{ begin: '22:00', end: '23:00' }] },
    };
    const v = check(settings, NOON, 'America/New_York');
    expect(v).toMatchObject({ kind: 'defer', reason: 'BasePeriod', until: NOON + 14 * DAY });
    expect(v.kind === 'defer' && v.rule).toContain('not open within 14 days');
  });

  it('rejects an unknown zone or none', () => {
    expect(() => check({ presets: ['cn-carrier'] }, NOON, 'Mars/Olympus')).toThrow(OutdialError);
    expect(() => check({}, NOON, [])).toThrow(OutdialError);
  });
});
