import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom, deriveSeed } from '../../../src/core/random.js';
import { drawCallPlan, type SimCallPlan } from '../../../src/telephony/sim/drawCallPlan.js';
import { SIM_PROFILES, type SimProfileName } from '../../../src/telephony/sim/simProfiles.js';
import { SIM_STATUS_SIGNALS, type SimStatusName } from '../../../src/telephony/sim/simStatusSignals.js';

const PROFILE_NAMES = Object.keys(SIM_PROFILES) as SimProfileName[];
const STATUS_NAMES = Object.keys(SIM_STATUS_SIGNALS) as SimStatusName[];

const draw = (name: SimProfileName, i: number, ringTimeoutMs = 30_000): SimCallPlan =>
  drawCallPlan({ profile: SIM_PROFILES[name], random: createSeededRandom(deriveSeed(7, `#${i}`)), ringTimeoutMs });

/** What every plan promises, whatever it was drawn from. */
function expectWithinRingTimeout(plan: SimCallPlan, ringTimeoutMs: number) {
  expect(plan.setupMs + plan.earlyMs).toBeLessThanOrEqual(ringTimeoutMs);
  expect(Math.min(plan.setupMs, plan.earlyMs, plan.talkMs)).toBeGreaterThanOrEqual(0);
  if (plan.status !== 'Succeeded') expect(plan.talkMs).toBe(0);
}

describe('drawCallPlan', () => {
  it.each(PROFILE_NAMES)(
    "keeps the '%s' profile's answer rate within its band and draws every failure in its mix",
    (name) => {
      const profile = SIM_PROFILES[name];
      const plans = Array.from({ length: 20_000 }, (_, i) => draw(name, i));
      const rate = plans.filter((p) => p.status === 'Succeeded').length / plans.length;
      expect(rate).toBeGreaterThanOrEqual(profile.answerBand[0]);
      expect(rate).toBeLessThanOrEqual(profile.answerBand[1]);
      const seen = new Set(plans.map((p) => `${p.status}/${p.sipCode}`));
      for (const f of profile.failures) {
        expect(seen).toContain(`${f.status}/${f.sipCode ?? SIM_STATUS_SIGNALS[f.status].sipCode}`);
      }
    },
  );

  it('keeps ring and talk times of the default profile in their stated ranges', () => {
    for (let i = 0; i < 5000; i++) {
      const plan = draw('default', i, 60_000);
      if (plan.status !== 'Succeeded') continue;
      expect(plan.earlyMs).toBeGreaterThanOrEqual(3000);
      expect(plan.earlyMs).toBeLessThanOrEqual(20_000);
      expect(plan.talkMs).toBeGreaterThanOrEqual(20_000);
      expect(plan.talkMs).toBeLessThanOrEqual(180_000);
    }
  });

  it('never lets a call outlast the ring timeout unanswered, for any profile, seed or timeout', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILE_NAMES),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 40_000 }),
        (name, i, ringTimeoutMs) => {
          const plan = draw(name, i, ringTimeoutMs);
          expectWithinRingTimeout(plan, ringTimeoutMs);
          if (plan.status === 'NoAnswer') expect(plan.setupMs + plan.earlyMs).toBe(ringTimeoutMs);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('turns calls that a short ring timeout cuts off into NoAnswer, lowering the answer rate', () => {
    const plans = Array.from({ length: 5000 }, (_, i) => draw('default', i, 8000));
    const rate = plans.filter((p) => p.status === 'Succeeded').length / plans.length;
    expect(rate).toBeLessThan(0.3);
    for (const p of plans) expectWithinRingTimeout(p, 8000);
  });

  it('gives a scripted status exactly, fitting drawn timings within the ring timeout', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUS_NAMES),
        fc.constantFrom(...PROFILE_NAMES),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 40_000 }),
        (status, name, i, ringTimeoutMs) => {
          const plan = drawCallPlan({
            profile: SIM_PROFILES[name],
            random: createSeededRandom(i),
            ringTimeoutMs,
            outcome: { status },
          });
          expect(plan.status).toBe(status);
          expect(plan.lineFailure).toBe(status === 'CallerNotRegistered');
          expectWithinRingTimeout(plan, ringTimeoutMs);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('takes explicit scripted timings and signals as given', () => {
    const plan = drawCallPlan({
      profile: SIM_PROFILES.default,
      random: createSeededRandom(1),
      ringTimeoutMs: 30_000,
      outcome: { status: 'Busy', setupMs: 500, ringMs: 2500, sipCode: 603, hangupCause: 'CALL_REJECTED' },
    });
    expect(plan).toEqual({
      status: 'Busy',
      sipCode: 603,
      hangupCause: 'CALL_REJECTED',
      lineFailure: false,
      setupMs: 500,
      rings: true,
      earlyMs: 2500,
      talkMs: 0,
    });
  });

  it('ends a scripted line failure at once with 503 SERVICE_UNAVAILABLE', () => {
    const plan = drawCallPlan({
      profile: SIM_PROFILES.default,
      random: createSeededRandom(1),
      ringTimeoutMs: 30_000,
      outcome: { status: 'Failed', lineFailure: true },
    });
    expect(plan).toEqual({
      status: 'Failed',
      sipCode: 503,
      hangupCause: 'SERVICE_UNAVAILABLE',
      lineFailure: true,
      setupMs: 0,
      rings: false,
      earlyMs: 0,
      talkMs: 0,
    });
  });

  it('makes an explicit ring beyond the ring timeout NoAnswer at the timeout', () => {
    const plan = drawCallPlan({
      profile: SIM_PROFILES.default,
      random: createSeededRandom(1),
      ringTimeoutMs: 20_000,
      outcome: { status: 'Succeeded', setupMs: 1000, ringMs: 25_000, talkMs: 60_000 },
    });
    expect(plan).toMatchObject({ status: 'NoAnswer', sipCode: 480, hangupCause: 'NO_ANSWER', setupMs: 1000 });
    expect(plan.earlyMs).toBe(19_000);
    expect(plan.talkMs).toBe(0);
  });
});
