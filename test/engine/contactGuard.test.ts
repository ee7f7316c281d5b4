import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../src/core/clock.js';
import { FailureReason, JobStatus, TaskStatus } from '../../src/core/enums.js';
import { runVirtualCampaign } from '../../src/engine/runVirtualCampaign.js';
import { assignJobs } from '../../src/service/assignJobs.js';
import { createJobGroup } from '../../src/service/createJobGroup.js';
import { addListEntries } from '../../src/service/policy/addListEntries.js';
import { putPolicy } from '../../src/service/policy/putPolicy.js';
import { setUpCampaign } from '../support/campaign.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/testStore.js';

const MONDAY_8AM = DateTime.fromISO('2026-01-05T08:00:00', { zone: 'Asia/Shanghai' }).toMillis();
const phones = (n: number, prefix = '1393333') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
const e164 = (national: string) => `+86${national}`;

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: the contact policy guards every dial`, () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(dialect);
    });
    afterEach(() => t.drop());

    it('a blocked number is never dialled: its job fails ContactBlockList with the rule recorded', async () => {
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones: phones(20),
        group: { strategy: { maxAttempts: 1 } },
      });
      await addListEntries(c.deps, {
        scope: c.instanceId,
        list: 'block',
        numbers: ['+861393333000*', e164('13933330015')],
        reason: 'asked not to be called',
      });
      await runVirtualCampaign({ engine: c.engine, clock: c.clock, isDone: () => false, until: MONDAY_8AM + DAY });

      const blocked = new Set([...phones(10), '13933330015'].map(e164));
      const tasks = await t.db.selectFrom('task').select('called_number').execute();
      expect(tasks.length).toBe(20 - blocked.size);
      for (const task of tasks) expect(blocked.has(task.called_number)).toBe(false);
      const jobs = await t.db.selectFrom('job').selectAll().execute();
      for (const job of jobs.filter((j) => blocked.has(j.phone_number))) {
        expect(job.status).toBe(JobStatus.Failed);
        expect(job.failure_reason).toBe(FailureReason.ContactBlockList);
      }
      const refusals = await t.db.selectFrom('policy_refusal').selectAll().execute();
      expect(refusals.length).toBe(blocked.size);
      expect(refusals.every((r) => r.verdict === 'refuse' && r.reason === 'ContactBlockList')).toBe(true);
      expect(refusals.some((r) => r.rule.includes('+861393333000*'))).toBe(true);
    });

    it('a callee who says "do not call me" is on the block list with the call result, and no group dials them again', async () => {
      const optOut = [
        'format: 1',
        'name: Opt-out',
        'language: en',
        'intents:',
        '  stop: { semantic: negative, keywords: [stop] }',
        'start: greet',
        'nodes:',
        '  greet: { type: say, say: "Hello, this is a reminder.", goto: bye }',
        '  bye: { type: hangup, say: "We will not call you again.", tags: [do_not_call], outcome: refused }',
      ].join('\n');
      const numbers = phones(20, '1395555');
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones: numbers,
        script: optOut,
        group: { strategy: { maxAttempts: 1 } },
      });
      // A second group of the same instance calls the same numbers once the first is done.
      const g = await createJobGroup(c.deps, {
        instanceId: c.instanceId,
        name: 'again',
        lineGroupIds: c.lineGroupIds,
        strategy: { startTime: MONDAY_8AM + 12 * HOUR, endTime: MONDAY_8AM + 3 * DAY, maxAttempts: 1 },
      });
      await assignJobs(c.deps, {
        jobGroupId: g.id,
        jobs: numbers.map((phoneNumber, i) => ({ contacts: [{ phoneNumber, referenceId: `again-${i}` }] })),
      });
      await runVirtualCampaign({ engine: c.engine, clock: c.clock, isDone: () => false, until: MONDAY_8AM + 2 * DAY });
      const answered = await t.db
        .selectFrom('task')
        .select(['called_number', 'id'])
        .where('status', '=', TaskStatus.Succeeded)
        .where('job_group_id', '=', c.jobGroupId)
        .execute();
      expect(answered.length).toBeGreaterThan(0);
      const listed = await t.db.selectFrom('number_list').selectAll().where('list', '=', 'block').execute();
      expect(listed.map((e) => e.pattern).sort()).toEqual(answered.map((a) => a.called_number).sort());
      for (const e of listed) expect(e.reason).toMatch(/^opted out during call /);

      // The opted-out numbers are refused in the second group; the others are dialled.
      const again = await t.db.selectFrom('job').selectAll().where('job_group_id', '=', g.id).execute();
      const blocked = new Set(answered.map((a) => a.called_number));
      for (const job of again.filter((j) => blocked.has(j.phone_number))) {
        expect(job.failure_reason).toBe(FailureReason.ContactBlockList);
        expect(job.attempts).toBe(0);
      }
      for (const job of again.filter((j) => !blocked.has(j.phone_number))) expect(job.attempts).toBe(1);
    });

    it('a pre-dial hook vetoes dials: VerificationCancelled tasks, and the jobs fail with that reason', async () => {
      const asked: string[] = [];
      const hook = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => {
          body += c;
        });
        req.on('end', () => {
          const dial = JSON.parse(body) as { calledNumber: string };
          asked.push(dial.calledNumber);
          const allow = !dial.calledNumber.endsWith('7');
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ allow, reason: 'opted out in the CRM' }));
        });
      });
      hook.listen(0, '127.0.0.1');
      await once(hook, 'listening');
      try {
        const c = await setUpCampaign(t, {
          start: MONDAY_8AM,
          phones: phones(20),
          group: { strategy: { maxAttempts: 1 } },
        });
        const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/verify`;
        await putPolicy(c.deps, c.instanceId, {
          presets: [],
          verification: { url, timeoutMs: 2000, onTimeout: 'refuse' },
        });
        await runVirtualCampaign({ engine: c.engine, clock: c.clock, isDone: () => false, until: MONDAY_8AM + DAY });

        expect(asked.length).toBe(20);
        const tasks = await t.db.selectFrom('task').selectAll().execute();
        const vetoed = tasks.filter((x) => x.called_number.endsWith('7'));
        expect(vetoed.length).toBe(2);
        for (const task of vetoed) {
          expect(task.status).toBe(TaskStatus.VerificationCancelled);
          const job = await t.db.selectFrom('job').selectAll().where('id', '=', task.job_id).executeTakeFirstOrThrow();
          expect(job.failure_reason).toBe(FailureReason.VerificationCancelled);
        }
        expect(tasks.filter((x) => x.status === TaskStatus.VerificationCancelled).length).toBe(2);
      } finally {
        hook.close();
      }
    });

    it('property: across job groups sharing numbers, no dial breaks the per-number limits or the base period', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            per24h: fc.integer({ min: 1, max: 3 }),
            burst: fc.option(
              fc.record({ count: fc.integer({ min: 1, max: 2 }), minutes: fc.integer({ min: 30, max: 180 }) }),
              { nil: undefined },
            ),
            beginHour: fc.integer({ min: 8, max: 14 }),
            hours: fc.integer({ min: 2, max: 6 }),
            seed: fc.integer({ min: 1, max: 1000 }),
          }),
          async (p) => {
            const s = await openTestStore(dialect);
            try {
              const numbers = phones(12, '1394444');
              const c = await setUpCampaign(s, {
                start: MONDAY_8AM,
                phones: numbers,
                sim: { seed: p.seed },
                group: { strategy: { maxAttemptsPerDay: 3, minAttemptInterval: 20, maxAttempts: 6 } },
              });
              // Two more groups of the same instance dial the same numbers.
              for (const name of ['second', 'third']) {
                const g = await createJobGroup(c.deps, {
                  instanceId: c.instanceId,
                  name,
                  lineGroupIds: c.lineGroupIds,
                  strategy: { maxAttemptsPerDay: 3, minAttemptInterval: 20, maxAttempts: 6 },
                });
                await assignJobs(c.deps, {
                  jobGroupId: g.id,
                  jobs: numbers.map((phoneNumber, i) => ({ contacts: [{ phoneNumber, referenceId: `${name}-${i}` }] })),
                });
              }
              const begin = `${String(p.beginHour).padStart(2, '0')}:00`;
              const end = `${String(p.beginHour + p.hours).padStart(2, '0')}:00`;
              await putPolicy(c.deps, c.instanceId, {
                presets: [],
                basePeriod: { days: [1, 2, 3, 4, 5], windows: [{ begin, end }] },
                perNumber: { per24h: p.per24h, ...(p.burst ? { burst: p.burst } : {}) },
              });
              c.engine.wake();
              await runVirtualCampaign({
                engine: c.engine,
                clock: c.clock,
                isDone: () => false,
                until: MONDAY_8AM + 4 * DAY,
              });

              const tasks = await s.db.selectFrom('task').select(['called_number', 'actual_time']).execute();
              expect(tasks.length).toBeGreaterThan(0);
              const byNumber = new Map<string, number[]>();
              for (const task of tasks) {
                const at = task.actual_time ?? 0;
                const local = DateTime.fromMillis(at, { zone: 'Asia/Shanghai' });
                // Inside the base period: weekdays, [begin, end) in the callee's zone (CN numbers: Shanghai).
                expect(local.weekday).toBeLessThanOrEqual(5);
                const minutes = local.hour * 60 + local.minute;
                expect(minutes).toBeGreaterThanOrEqual(p.beginHour * 60);
                expect(minutes).toBeLessThan((p.beginHour + p.hours) * 60);
                byNumber.set(task.called_number, [...(byNumber.get(task.called_number) ?? []), at]);
              }
              for (const dials of byNumber.values()) {
                dials.sort((a, b) => a - b);
                for (const at of dials) {
                  expect(dials.filter((d) => d <= at && at - d <= DAY).length).toBeLessThanOrEqual(p.per24h);
                  if (p.burst) {
                    const span = p.burst.minutes * 60_000;
                    expect(dials.filter((d) => d <= at && at - d <= span).length).toBeLessThanOrEqual(p.burst.count);
                  }
                }
              }
            } finally {
              await s.drop();
            }
          },
        ),
        { numRuns: dialect === 'sqlite' ? 5 : 2, seed: 20261201 },
      );
    }, 240_000);
  });
}
