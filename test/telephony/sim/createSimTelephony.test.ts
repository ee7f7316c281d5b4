import { describe, expect, it } from 'vitest';
import { TaskStatus, taskStatusName } from '../../../src/core/enums.js';
import { OutdialError } from '../../../src/core/errors.js';
import { createSeededRandom } from '../../../src/core/random.js';
import { createVirtualClock } from '../../../src/core/virtualClock.js';
import type { DialResult } from '../../../src/telephony/port.js';
import { createSimTelephony } from '../../../src/telephony/sim/createSimTelephony.js';
import { SIM_PROFILES } from '../../../src/telephony/sim/simProfiles.js';
import { dialRequest, numbers, runToEnd, T0 } from './simTestKit.js';

/** A result with its instants made relative to the dial, so calls placed at different times compare. */
const relative = (r: DialResult) => ({
  ...r,
  startedAt: 0,
  answeredAt: r.answeredAt === null ? null : r.answeredAt - r.startedAt,
  endedAt: r.endedAt - r.startedAt,
});

describe('createSimTelephony', () => {
  describe('determinism', () => {
    // 200 calls over 80 numbers: 40 dialed once, 40 four times.
    const calls = [...numbers(40), ...numbers(40, 8613900000000).flatMap((n) => [n, n, n, n])];

    /** Dials `order` and returns each number's results in the order that number was dialed. */
    const perNumber = (results: DialResult[], order: string[]) => {
      const out = new Map<string, ReturnType<typeof relative>[]>();
      order.forEach((n, i) => {
        out.set(n, [...(out.get(n) ?? []), relative(results[i] as DialResult)]);
      });
      return out;
    };

    it('gives every number the same results whatever the order and concurrency of the calls', async () => {
      const clockA = createVirtualClock(T0);
      const simA = createSimTelephony({ clock: clockA, seed: 42 });
      const resultsA = await runToEnd(clockA, Promise.all(calls.map((n) => simA.dial(dialRequest(n)))));

      // The same calls shuffled, placed one after another, with the clock also moving between them.
      const shuffled = [...calls];
      const random = createSeededRandom(9);
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(random.next() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
      }
      const clockB = createVirtualClock(T0 + 3_600_000);
      const simB = createSimTelephony({ clock: clockB, seed: 42 });
      const resultsB: DialResult[] = [];
      for (const n of shuffled) {
        resultsB.push(await runToEnd(clockB, simB.dial(dialRequest(n))));
        await clockB.advanceBy(1234);
      }

      expect(perNumber(resultsB, shuffled)).toEqual(perNumber(resultsA, calls));
      // Not trivially equal: the calls differ from each other.
      expect(new Set(resultsA.map((r) => taskStatusName(r.status))).size).toBeGreaterThan(3);
      expect(simA.inFlight()).toBe(0);
      expect(simB.stats()).toMatchObject({ dialed: 200, ended: 200, inFlight: 0, peakInFlight: 1 });
      expect(simA.stats().peakInFlight).toBe(200);
    });

    it('gives other results for another seed', async () => {
      const run = async (seed: number) => {
        const clock = createVirtualClock(T0);
        const sim = createSimTelephony({ clock, seed });
        return (await runToEnd(clock, Promise.all(calls.map((n) => sim.dial(dialRequest(n)))))).map(relative);
      };
      expect(await run(1)).toEqual(await run(1));
      expect(await run(1)).not.toEqual(await run(2));
    });
  });

  describe("the 'default' profile", () => {
    it('answers within its band over 20,000 calls and ends calls with every status of its mix', async () => {
      const clock = createVirtualClock(T0);
      const sim = createSimTelephony({ clock, seed: 2026 });
      const results = await runToEnd(
        clock,
        Promise.all(numbers(20_000).map((n) => sim.dial(dialRequest(n, { ringTimeoutMs: 30_000 })))),
      );
      const [min, max] = SIM_PROFILES.default.answerBand;
      const answered = results.filter((r) => r.status === TaskStatus.Succeeded);
      expect(answered.length / results.length).toBeGreaterThanOrEqual(min);
      expect(answered.length / results.length).toBeLessThanOrEqual(max);

      const statuses = new Set(results.map((r) => taskStatusName(r.status)));
      for (const f of SIM_PROFILES.default.failures) expect(statuses).toContain(f.status);
      expect(new Set(results.filter((r) => r.status === TaskStatus.Failed).map((r) => r.sipCode))).toEqual(
        new Set([500, 503]),
      );

      for (const r of answered) {
        expect(r).toMatchObject({ sipCode: 200, hangupCause: 'NORMAL_CLEARING', lineFailure: false });
        expect(r.ringDuration).toBeGreaterThanOrEqual(3000);
        expect(r.ringDuration).toBeLessThanOrEqual(20_000);
        expect(r.talkDuration).toBeGreaterThanOrEqual(20_000);
        expect(r.talkDuration).toBeLessThanOrEqual(180_000);
        expect(r.endedAt - (r.answeredAt as number)).toBe(r.talkDuration);
      }
      const busy = results.find((r) => r.status === TaskStatus.Busy);
      expect(busy).toMatchObject({ sipCode: 486, hangupCause: 'USER_BUSY', answeredAt: null, talkDuration: 0 });
      const emptyNumber = results.find((r) => r.status === TaskStatus.EmptyNumber);
      expect(emptyNumber).toMatchObject({ sipCode: 404, hangupCause: 'UNALLOCATED_NUMBER', ringDuration: 0 });
      const poweredOff = results.find((r) => r.status === TaskStatus.PoweredOff);
      expect(poweredOff?.ringDuration).toBe(0); // an announcement, no ringing

      const stats = sim.stats();
      expect(stats).toMatchObject({ dialed: 20_000, ended: 20_000, inFlight: 0, answered: answered.length });
      expect(stats.byStatus.Succeeded).toBe(answered.length);
      expect(stats.talkMs).toBe(answered.reduce((sum, r) => sum + r.talkDuration, 0));
    });
  });

  describe('ring timeout', () => {
    it('ends every unanswered call by ringTimeoutMs, NoAnswer exactly at it', async () => {
      const clock = createVirtualClock(T0);
      const sim = createSimTelephony({ clock, seed: 5, profile: 'hard' });
      const timeouts = [5000, 12_000, 18_000, 25_000];
      const results = await runToEnd(
        clock,
        Promise.all(
          numbers(4000).map((n, i) => sim.dial(dialRequest(n, { ringTimeoutMs: timeouts[i % 4] as number }))),
        ),
      );
      let noAnswers = 0;
      results.forEach((r, i) => {
        const timeout = timeouts[i % 4] as number;
        expect(r.ringDuration).toBeLessThanOrEqual(timeout);
        expect((r.answeredAt ?? r.endedAt) - r.startedAt).toBeLessThanOrEqual(timeout);
        if (r.status === TaskStatus.NoAnswer) {
          noAnswers++;
          expect(r.endedAt - r.startedAt).toBe(timeout);
          expect(r).toMatchObject({ sipCode: 480, hangupCause: 'NO_ANSWER', answeredAt: null });
        }
      });
      expect(noAnswers).toBeGreaterThan(500);
    });

    it('rejects a ring timeout that is not a number of ms', async () => {
      const sim = createSimTelephony({ clock: createVirtualClock(T0), seed: 1 });
      await expect(sim.dial(dialRequest('+8613800000000', { ringTimeoutMs: Number.NaN }))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { field: 'ringTimeoutMs' },
      });
      expect(sim.inFlight()).toBe(0);
    });
  });

  describe('outcome rules', () => {
    it('plays each number its own exact sequence, repeating the last outcome', async () => {
      const clock = createVirtualClock(T0);
      const sim = createSimTelephony({
        clock,
        seed: 1,
        rules: [{ pattern: '+8613800000*', outcomes: ['Busy', 'NoAnswer', { status: 'PoweredOff' }, 'Succeeded'] }],
      });
      const dialTimes = async (n: string, times: number) => {
        const out: string[] = [];
        for (let i = 0; i < times; i++) {
          out.push(taskStatusName((await runToEnd(clock, sim.dial(dialRequest(n, { ringTimeoutMs: 5000 })))).status));
        }
        return out;
      };
      const sequence = ['Busy', 'NoAnswer', 'PoweredOff', 'Succeeded', 'Succeeded', 'Succeeded'];
      expect(await dialTimes('+8613800000001', 6)).toEqual(sequence);
      // Counted per number: another matching number starts its own sequence.
      expect(await dialTimes('+8613800000002', 6)).toEqual(sequence);
    });

    it('lets the first matching rule win, and leaves other numbers to the profile', async () => {
      const clock = createVirtualClock(T0);
      const rules = [
        { pattern: '+8613800000001', outcomes: ['EmptyNumber' as const] },
        { pattern: /^\+86138/, outcomes: ['InArrears' as const] },
      ];
      const sim = createSimTelephony({ clock, seed: 1, rules });
      const plain = createSimTelephony({ clock, seed: 1 });
      const [a, b, c, d] = await runToEnd(
        clock,
        Promise.all([
          sim.dial(dialRequest('+8613800000001')),
          sim.dial(dialRequest('+8613800000002')),
          sim.dial(dialRequest('+8613900000003')),
          plain.dial(dialRequest('+8613900000003')),
        ]),
      );
      expect(a).toMatchObject({ status: TaskStatus.EmptyNumber, sipCode: 404, hangupCause: 'UNALLOCATED_NUMBER' });
      expect(b).toMatchObject({ status: TaskStatus.InArrears, sipCode: 403 });
      expect(c).toEqual(d);
    });

    it('keeps a scripted status exact even when the ring timeout is shorter than the profile timings', async () => {
      const clock = createVirtualClock(T0);
      const strict = createSimTelephony({
        clock,
        seed: 3,
        rules: [{ pattern: '+*', outcomes: ['PoweredOff', 'Succeeded', 'Busy'] }],
      });
      const results: DialResult[] = [];
      for (let i = 0; i < 3; i++) {
        results.push(await runToEnd(clock, strict.dial(dialRequest('+8613800000009', { ringTimeoutMs: 1500 }))));
      }
      expect(results.map((r) => taskStatusName(r.status))).toEqual(['PoweredOff', 'Succeeded', 'Busy']);
      for (const r of results) expect((r.answeredAt ?? r.endedAt) - r.startedAt).toBeLessThanOrEqual(1500);
    });

    it('rejects unknown statuses when created', () => {
      expect(() =>
        createSimTelephony({
          clock: createVirtualClock(T0),
          seed: 1,
          rules: [{ pattern: '+1*', outcomes: ['Answered' as 'Succeeded'] }],
        }),
      ).toThrow(OutdialError);
    });
  });

  describe('hooks', () => {
    it('fires onRinging and onAnswered at their virtual instants, and ends the call on time', async () => {
      const clock = createVirtualClock(T0);
      const sim = createSimTelephony({
        clock,
        seed: 1,
        rules: [
          {
            pattern: '+8613800000001',
            outcomes: [{ status: 'Succeeded', setupMs: 1500, ringMs: 6000, talkMs: 45_000 }],
          },
        ],
      });
      const seen: string[] = [];
      const call = sim.dial(dialRequest('+8613800000001'), {
        onRinging: (at) => seen.push(`ringing ${at - T0} @${clock.now() - T0}`),
        onAnswered: (at) => seen.push(`answered ${at - T0} @${clock.now() - T0}`),
      });
      let result: DialResult | undefined;
      void call.then((r) => {
        result = r;
      });

      await clock.advanceBy(1499);
      expect(seen).toEqual([]);
      await clock.advanceBy(1);
      expect(seen).toEqual(['ringing 1500 @1500']);
      await clock.advanceBy(5999);
      expect(seen).toHaveLength(1);
      await clock.advanceBy(1);
      expect(seen).toEqual(['ringing 1500 @1500', 'answered 7500 @7500']);
      await clock.advanceBy(44_999);
      expect(result).toBeUndefined();
      expect(sim.inFlight()).toBe(1);
      await clock.advanceBy(1);
      expect(result).toEqual({
        status: TaskStatus.Succeeded,
        hangupCause: 'NORMAL_CLEARING',
        sipCode: 200,
        startedAt: T0,
        answeredAt: T0 + 7500,
        endedAt: T0 + 52_500,
        ringDuration: 6000,
        talkDuration: 45_000,
        lineFailure: false,
      });
      expect(sim.inFlight()).toBe(0);
    });

    it('does not ring for announcements, and rings busy calls before they are rejected', async () => {
      const clock = createVirtualClock(T0);
      const sim = createSimTelephony({
        clock,
        seed: 1,
        rules: [
          { pattern: '+1000', outcomes: [{ status: 'PoweredOff', setupMs: 1000, ringMs: 7000 }] },
          { pattern: '+2000', outcomes: [{ status: 'Busy', setupMs: 1000, ringMs: 4000 }] },
        ],
      });
      const rung: string[] = [];
      const hooks = (n: string) => ({
        onRinging: (at: number) => rung.push(`${n} ${at - T0}`),
        onAnswered: () => rung.push(`${n} answered`),
      });
      const [off, busy] = await runToEnd(
        clock,
        Promise.all([sim.dial(dialRequest('+1000'), hooks('+1000')), sim.dial(dialRequest('+2000'), hooks('+2000'))]),
      );
      expect(rung).toEqual(['+2000 1000']);
      expect(off).toMatchObject({ status: TaskStatus.PoweredOff, endedAt: T0 + 8000, ringDuration: 0, sipCode: 480 });
      expect(busy).toMatchObject({ status: TaskStatus.Busy, endedAt: T0 + 5000, ringDuration: 4000, sipCode: 486 });
    });
  });

  describe('abort', () => {
    const talking = { status: 'Succeeded' as const, setupMs: 1000, ringMs: 4000, talkMs: 60_000 };

    it('hangs up a ringing call at the abort instant as Terminated', async () => {
      const clock = createVirtualClock(T0);
      const scripted = createSimTelephony({ clock, seed: 1, rules: [{ pattern: '+*', outcomes: [talking] }] });
      const controller = new AbortController();
      const answered: number[] = [];
      const call = scripted.dial(
        dialRequest('+8613800000001'),
        { onAnswered: (at) => answered.push(at) },
        controller.signal,
      );
      await clock.advanceBy(3000);
      controller.abort();
      const result = await runToEnd(clock, call);
      expect(result).toEqual({
        status: TaskStatus.Terminated,
        hangupCause: 'ORIGINATOR_CANCEL',
        sipCode: 487,
        startedAt: T0,
        answeredAt: null,
        endedAt: T0 + 3000,
        ringDuration: 2000,
        talkDuration: 0,
        lineFailure: false,
      });
      expect(answered).toEqual([]);
      expect(clock.pendingTimers()).toBe(0);
      expect(scripted.inFlight()).toBe(0);
      expect(scripted.stats().byStatus).toEqual({ Terminated: 1 });
    });

    it('hangs up an answered call at the abort instant, keeping its answer and talk time', async () => {
      const clock = createVirtualClock(T0);
      const sim = createSimTelephony({ clock, seed: 1, rules: [{ pattern: '+*', outcomes: [talking] }] });
      const controller = new AbortController();
      const call = sim.dial(dialRequest('+8613800000001'), {}, controller.signal);
      await clock.advanceBy(25_000);
      controller.abort(new Error('campaign paused'));
      expect(await runToEnd(clock, call)).toMatchObject({
        status: TaskStatus.Terminated,
        hangupCause: 'ORIGINATOR_CANCEL',
        sipCode: 200,
        answeredAt: T0 + 5000,
        endedAt: T0 + 25_000,
        ringDuration: 4000,
        talkDuration: 20_000,
      });
    });

    it('ends a call whose signal is already aborted at once, without using up the number’s outcome', async () => {
      const clock = createVirtualClock(T0);
      const sim = createSimTelephony({ clock, seed: 1, rules: [{ pattern: '+*', outcomes: ['Busy', 'Succeeded'] }] });
      const aborted = await sim.dial(dialRequest('+8613800000001'), {}, AbortSignal.abort());
      expect(aborted).toMatchObject({ status: TaskStatus.Terminated, endedAt: T0, sipCode: 487 });
      const next = await runToEnd(clock, sim.dial(dialRequest('+8613800000001')));
      expect(next.status).toBe(TaskStatus.Busy);
    });
  });

  describe('line failures', () => {
    it('fails dials on a matching line inside the window at once, as line failures', async () => {
      const clock = createVirtualClock(T0);
      const sim = createSimTelephony({
        clock,
        seed: 1,
        lineFailures: [
          { lineGroupId: 'lg-a', from: T0 + 10_000, until: T0 + 20_000 },
          { lineId: 'b-2', status: 'CallerNotRegistered' },
        ],
        rules: [{ pattern: '+*', outcomes: ['Busy', 'Succeeded'] }],
      });
      const onA = { lineGroupId: 'lg-a', lineId: 'a-1' };
      const n = '+8613800000001';

      await clock.advanceTo(T0 + 10_000);
      const failed = await sim.dial(dialRequest(n, onA));
      expect(failed).toEqual({
        status: TaskStatus.Failed,
        hangupCause: 'SERVICE_UNAVAILABLE',
        sipCode: 503,
        startedAt: T0 + 10_000,
        answeredAt: null,
        endedAt: T0 + 10_000,
        ringDuration: 0,
        talkDuration: 0,
        lineFailure: true,
      });
      const notRegistered = await sim.dial(dialRequest(n, { lineGroupId: 'lg-b', lineId: 'b-2' }));
      expect(notRegistered).toMatchObject({ status: TaskStatus.CallerNotRegistered, lineFailure: true, sipCode: 503 });

      // The failover line reaches the callee, who gets the first scripted outcome: failed lines did not count.
      const failover = await runToEnd(clock, sim.dial(dialRequest(n, { lineGroupId: 'lg-b', lineId: 'b-1' })));
      expect(failover).toMatchObject({ status: TaskStatus.Busy, lineFailure: false });

      await clock.advanceTo(T0 + 20_000);
      expect(await runToEnd(clock, sim.dial(dialRequest(n, onA)))).toMatchObject({ status: TaskStatus.Succeeded });
      expect(sim.stats()).toMatchObject({
        dialed: 4,
        lineFailures: 2,
        byStatus: { Failed: 1, CallerNotRegistered: 1 },
      });
    });

    it('fails dials on a line group or line set down, until it is brought back', async () => {
      const clock = createVirtualClock(T0);
      const sim = createSimTelephony({ clock, seed: 1, profile: 'instant' });
      const dialOn = (lineGroupId: string, lineId: string) =>
        sim.dial(dialRequest('+8613800000001', { lineGroupId, lineId }));

      sim.setLineDown('lg-a', true);
      sim.setLineDown('b-2', true);
      const down = await Promise.all([dialOn('lg-a', 'a-1'), dialOn('lg-b', 'b-2'), dialOn('lg-b', 'b-1')]);
      expect(down.map((r) => [taskStatusName(r.status), r.lineFailure])).toEqual([
        ['Failed', true],
        ['Failed', true],
        ['Succeeded', false],
      ]);
      sim.setLineDown('lg-a', false);
      expect((await dialOn('lg-a', 'a-1')).lineFailure).toBe(false);
      expect((await dialOn('lg-b', 'b-2')).lineFailure).toBe(true);
    });
  });

  describe("the 'instant' profile", () => {
    it('answers and ends every call without the clock advancing, yet never synchronously', async () => {
      const clock = createVirtualClock(T0);
      const sim = createSimTelephony({ clock, seed: 1, profile: 'instant' });
      const events: string[] = [];
      let settled = 0;
      const calls = numbers(1000).map((n) =>
        sim
          .dial(dialRequest(n), { onRinging: () => events.push('ringing'), onAnswered: () => events.push('answered') })
          .then((r) => {
            settled++;
            return r;
          }),
      );
      expect([events.length, settled, sim.inFlight()]).toEqual([0, 0, 1000]);
      const results = await Promise.all(calls);
      expect(clock.now()).toBe(T0);
      expect(clock.pendingTimers()).toBe(0);
      expect(events.filter((e) => e === 'answered')).toHaveLength(1000);
      for (const r of results) {
        expect(r).toEqual({
          status: TaskStatus.Succeeded,
          hangupCause: 'NORMAL_CLEARING',
          sipCode: 200,
          startedAt: T0,
          answeredAt: T0,
          endedAt: T0,
          ringDuration: 0,
          talkDuration: 0,
          lineFailure: false,
        });
      }
      expect(sim.stats()).toMatchObject({ dialed: 1000, ended: 1000, answered: 1000, peakInFlight: 1000 });
    });
  });

  describe('options', () => {
    it('takes a custom profile and rejects unknown names or impossible mixes', () => {
      const clock = createVirtualClock(T0);
      const custom = { ...SIM_PROFILES.reliable, answerRate: 0.5 };
      expect(createSimTelephony({ clock, seed: 1, profile: custom }).profile).toBe(custom);
      expect(createSimTelephony({ clock, seed: 1 }).profile).toBe(SIM_PROFILES.default);
      const bad = [
        [{ profile: 'noisy' as 'default' }, 'profile'],
        [{ profile: { ...custom, answerRate: 1.5 } }, 'profile.answerRate'],
        [{ profile: { ...custom, failures: [] } }, 'profile.failures'],
        [{ seed: Number.NaN }, 'seed'],
      ] as const;
      for (const [over, field] of bad) {
        expect(() => createSimTelephony({ clock, seed: 1, ...over })).toThrow(
          expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field } }),
        );
      }
    });
  });
});
