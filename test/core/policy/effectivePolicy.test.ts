import { describe, expect, it } from 'vitest';
import { effectivePolicy } from '../../../src/core/policy/effectivePolicy.js';

describe('effectivePolicy', () => {
  it('with no presets and no settings, sets no rule but the global block list', () => {
    expect(effectivePolicy({ presets: [] })).toEqual({
      basePeriod: null,
      perNumber: { perLocalDay: null, per24h: null, per7Days: null, burst: null },
      perJobPerDay: null,
      emptyNumberDays: 0,
      quietDaysAfterConversation: 0,
      minRingSeconds: 0,
      allowListOnly: false,
      useGlobalBlockList: true,
      verification: null,
      sources: {},
    });
  });

  it('keeps the smaller count limit and credits whoever set it', () => {
    const looser = effectivePolicy({ presets: ['cn-carrier'], perNumber: { per24h: 9 } });
    expect(looser.perNumber.per24h).toBe(5);
    expect(looser.sources['perNumber.per24h']).toMatch(/^cn-carrier: /);
    const tighter = effectivePolicy({ presets: ['cn-carrier'], perNumber: { per24h: 2 } });
    expect(tighter.perNumber.per24h).toBe(2);
    expect(tighter.sources['perNumber.per24h']).toBe('settings');
  });

  it('keeps the larger ring time, quiet days and empty-number days', () => {
    const p = effectivePolicy({
      presets: ['us-tcpa', 'us-reg-f'],
      minRingSeconds: 10,
      quietDaysAfterConversation: 9,
      emptyNumberDays: 30,
    });
    expect(p.minRingSeconds).toBe(15);
    expect(p.sources.minRingSeconds).toMatch(/^us-tcpa: /);
    expect(p.quietDaysAfterConversation).toBe(9);
    expect(p.sources.quietDaysAfterConversation).toBe('settings');
    expect(p.emptyNumberDays).toBe(30);
  });

  it('intersects base periods: weekdays in all, hours in all', () => {
    const p = effectivePolicy({
      presets: ['cn-carrier'],
      basePeriod: {
        days: [1, 2, 3, 4, 5],
        windows: [
          { begin: '07:00', end: '12:00' },
          { begin: '13:30', end: '22:00' },
        ],
      },
    });
    expect(p.basePeriod).toEqual({
      days: [1, 2, 3, 4, 5],
      windows: [
        { begin: '08:00', end: '12:00' },
        { begin: '13:30', end: '21:00' },
      ],
    });
    expect(p.sources.basePeriod).toBe('cn-carrier: Tencent CCC carrier rules; settings');
  });

  it('an intersection with nothing in common leaves a base period that is never open', () => {
    const p = effectivePolicy({
      presets: ['us-tcpa'],
      basePeriod: { days: [0, 6], windows: [{ begin: '21:00', end: '23:00' }] },
    });
    expect(p.basePeriod).toEqual({ days: [0, 6], windows: [] });
  });

  it('combines bursts into one implying both: smallest count over the longest span', () => {
    const dominated = effectivePolicy({ presets: ['cn-carrier'], perNumber: { burst: { count: 2, minutes: 10 } } });
    expect(dominated.perNumber.burst).toEqual({ count: 2, minutes: 10 });
    expect(dominated.sources['perNumber.burst']).toBe('settings');
    const crossed = effectivePolicy({ presets: ['cn-carrier'], perNumber: { burst: { count: 4, minutes: 10 } } });
    expect(crossed.perNumber.burst).toEqual({ count: 3, minutes: 10 });
    expect(crossed.sources['perNumber.burst']).toBe('cn-carrier: Tencent CCC carrier rules; settings');
  });

  it('turns allow-list-only on if asked, the global block list off only if asked, verification from settings', () => {
    const verification = { url: 'https://hook.example/verify', timeoutMs: 500, onTimeout: 'refuse' as const };
    const p = effectivePolicy({ presets: [], allowListOnly: true, useGlobalBlockList: false, verification });
    expect(p.allowListOnly).toBe(true);
    expect(p.useGlobalBlockList).toBe(false);
    expect(p.verification).toEqual(verification);
    expect(p.sources).toMatchObject({
      allowListOnly: 'settings',
      useGlobalBlockList: 'settings',
      verification: 'settings',
    });
  });

  it('a preset adopted twice counts once; the settings object is not changed', () => {
    const settings = { presets: ['cn-carrier' as const, 'cn-carrier' as const], perNumber: { per24h: 3 } };
    const copy = structuredClone(settings);
    const p = effectivePolicy(settings);
    expect(p.sources.basePeriod).toBe('cn-carrier: Tencent CCC carrier rules');
    expect(settings).toEqual(copy);
  });
});
