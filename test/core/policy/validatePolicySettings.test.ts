import { describe, expect, it } from 'vitest';
import { OutdialError } from '../../../src/core/errors.js';
import { validatePolicySettings } from '../../../src/core/policy/validatePolicySettings.js';

function fieldOf(input: unknown, root?: string): string {
  try {
    validatePolicySettings(input, root);
  } catch (e) {
    expect(e).toBeInstanceOf(OutdialError);
    expect((e as OutdialError).code).toBe('VALIDATION_FAILED');
    return String((e as OutdialError).details.field);
  }
  throw new Error('accepted');
}

describe('validatePolicySettings', () => {
  it('accepts a full set of settings, sorting days and windows and dropping repeated presets', () => {
    const parsed = validatePolicySettings({
      presets: ['us-tcpa', 'us-reg-f', 'us-tcpa'],
      basePeriod: {
        days: [5, 1, 3, 1],
        windows: [
          { begin: '13:00', end: '24:00' },
          { begin: '00:00', end: '12:00' },
        ],
      },
      perNumber: { perLocalDay: 3, per24h: 4, per7Days: 10, burst: { count: 2, minutes: 15 } },
      perJobPerDay: 2,
      emptyNumberDays: 0,
      quietDaysAfterConversation: 7,
      minRingSeconds: 20,
      allowListOnly: false,
      useGlobalBlockList: true,
      verification: { url: 'https://hook.example/verify', timeoutMs: 800, onTimeout: 'allow' },
    });
    expect(parsed.presets).toEqual(['us-tcpa', 'us-reg-f']);
    expect(parsed.basePeriod).toEqual({
      days: [1, 3, 5],
      windows: [
        { begin: '00:00', end: '12:00' },
        { begin: '13:00', end: '24:00' },
      ],
    });
    expect(parsed.perNumber?.burst).toEqual({ count: 2, minutes: 15 });
  });

  it('reads absent presets as none', () => {
    expect(validatePolicySettings({})).toEqual({ presets: [] });
  });

  it.each([
    [{ presets: ['eu-gdpr'] }, 'presets[0]'],
    [{ basePeriod: { days: [1, 7], windows: [{ begin: '08:00', end: '20:00' }] } }, 'basePeriod.days[1]'],
    [{ basePeriod: { days: [-1], windows: [{ begin: '08:00', end: '20:00' }] } }, 'basePeriod.days[0]'],
    [{ basePeriod: { days: [], windows: [{ begin: '08:00', end: '20:00' }] } }, 'basePeriod.days'],
    [{ basePeriod: { days: [1], windows: [] } }, 'basePeriod.windows'],
    [{ basePeriod: { days: [1], windows: [{ begin: '20:00', end: '08:00' }] } }, 'basePeriod.windows[0].end'],
    [{ basePeriod: { days: [1], windows: [{ begin: '8:00', end: '20:00' }] } }, 'basePeriod.windows[0].begin'],
    [{ basePeriod: { days: [1], windows: [{ begin: '24:00', end: '24:00' }] } }, 'basePeriod.windows[0].begin'],
    [
      {
        basePeriod: {
          days: [1],
          windows: [
            { begin: '08:00', end: '12:00' },
            { begin: '11:00', end: '13:00' },
          ],
        },
      },
      'basePeriod.windows[1]',
    ],
    [{ perNumber: { per24h: -1 } }, 'perNumber.per24h'],
    [{ perNumber: { per7Days: 0 } }, 'perNumber.per7Days'],
    [{ perNumber: { perLocalDay: 2.5 } }, 'perNumber.perLocalDay'],
    [{ perNumber: { burst: { count: 3 } } }, 'perNumber.burst.minutes'],
    [{ perJobPerDay: '2' }, 'perJobPerDay'],
    [{ emptyNumberDays: -3 }, 'emptyNumberDays'],
    [{ quietDaysAfterConversation: -1 }, 'quietDaysAfterConversation'],
    [{ minRingSeconds: -5 }, 'minRingSeconds'],
    [{ allowListOnly: 'yes' }, 'allowListOnly'],
    [{ verification: { url: 'ftp://hook.example', timeoutMs: 500, onTimeout: 'allow' } }, 'verification.url'],
    [{ verification: { url: 'not a url', timeoutMs: 500, onTimeout: 'allow' } }, 'verification.url'],
    [{ verification: { url: 'https://hook.example', timeoutMs: 49, onTimeout: 'allow' } }, 'verification.timeoutMs'],
    [
      { verification: { url: 'https://hook.example', timeoutMs: 10_001, onTimeout: 'allow' } },
      'verification.timeoutMs',
    ],
    [{ verification: { url: 'https://hook.example', timeoutMs: 500, onTimeout: 'retry' } }, 'verification.onTimeout'],
    [{ perNumbr: { per24h: 3 } }, 'perNumbr'],
    [{ perNumber: { per24hours: 3 } }, 'perNumber.per24hours'],
  ])('rejects %j naming %s', (input, field) => {
    expect(fieldOf(input)).toBe(field);
  });

  it('accepts the verification timeout bounds 50 and 10000 ms', () => {
    for (const timeoutMs of [50, 10_000]) {
      const v = validatePolicySettings({
        verification: { url: 'http://hook.example', timeoutMs, onTimeout: 'refuse' },
      });
      expect(v.verification?.timeoutMs).toBe(timeoutMs);
    }
  });

  it('names fields under the given root, and the root itself when it is not an object', () => {
    expect(fieldOf({ perJobPerDay: 0 }, 'policy')).toBe('policy.perJobPerDay');
    expect(fieldOf('nope', 'policy')).toBe('policy');
    expect(fieldOf(null)).toBe('settings');
  });

  it('says what was wrong and what it got', () => {
    expect(() => validatePolicySettings({ perNumber: { per24h: -1 } })).toThrow(
      'perNumber.per24h: must be a whole number from 1 to 10000, got -1',
    );
  });
});
