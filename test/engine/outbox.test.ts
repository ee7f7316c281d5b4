import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/core/clock.js';
import { isTerminalJobStatus, type JobStatus, TaskStatus } from '../../src/core/enums.js';
import type { JobEvent, JobGroupEvent } from '../../src/core/events.js';
import { runVirtualCampaign } from '../../src/engine/runVirtualCampaign.js';
import { setUpCampaign } from '../support/campaign.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/testStore.js';

const MONDAY_8AM = DateTime.fromISO('2026-01-05T08:00:00', { zone: 'Asia/Shanghai' }).toMillis();

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: the engine writes its events into the outbox with the changes that cause them`, () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(dialect);
    });
    afterEach(() => t.drop());

    it('Dialing per task, CallAnswered per answered call, CallFinished per ended task, one JobComplete per ended job', async () => {
      const phones = Array.from({ length: 120 }, (_, i) => `1390000${String(i).padStart(4, '0')}`);
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones,
        group: { strategy: { maxAttemptsPerDay: 3, minAttemptInterval: 10, maxAttempts: 3 } },
      });
      await runVirtualCampaign({ engine: c.engine, clock: c.clock, isDone: () => false, until: MONDAY_8AM + 3 * DAY });

      const tasks = await t.db.selectFrom('task').selectAll().execute();
      const jobs = await t.db.selectFrom('job').selectAll().execute();
      const events = (await t.db.selectFrom('event').selectAll().execute()).map((r) => JSON.parse(r.data) as JobEvent);
      const ofType = (type: string) => events.filter((e) => e.type === type);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

      expect(
        ofType('Dialing')
          .map((e) => e.taskId)
          .sort(),
      ).toEqual(tasks.map((x) => x.id).sort());
      expect(
        ofType('CallFinished')
          .map((e) => e.taskId)
          .sort(),
      ).toEqual(tasks.map((x) => x.id).sort());
      const answered = tasks.filter((x) => x.status === TaskStatus.Succeeded);
      expect(answered.length).toBeGreaterThan(0);
      expect(
        ofType('CallAnswered')
          .map((e) => e.taskId)
          .sort(),
      ).toEqual(answered.map((x) => x.id).sort());

      const ended = jobs.filter((j) => isTerminalJobStatus(j.status as JobStatus));
      expect(ended.length).toBe(phones.length);
      const complete = ofType('JobComplete');
      expect(complete.map((e) => e.jobId).sort()).toEqual(ended.map((j) => j.id).sort());
      for (const e of complete) {
        const job = ended.find((j) => j.id === e.jobId);
        expect(e.job.status).toBe(job?.status);
        expect(e.job.failureReason).toBe(job?.failure_reason);
        expect(e.tasks.map((x) => x.attempt)).toEqual(Array.from({ length: job?.attempts ?? 0 }, (_, i) => i + 1));
        expect(e.tasks.every((x) => x.status !== TaskStatus.Executing)).toBe(true);
        expect(e.job.contacts[0]?.e164).toBe(job?.phone_number);
      }
      for (const e of ofType('CallFinished')) {
        const task = tasks.find((x) => x.id === e.taskId);
        expect(e.task?.status).toBe(task?.status);
        expect(e.occurredAt).toBe(task?.end_time);
      }
      // A job's events come in order: Dialing before CallAnswered before CallFinished, JobComplete last. Events of
      // one instant are in the order they were made (their ids), not the order the table happens to return them.
      for (const job of ended) {
        const mine = events
          .filter((e) => e.jobId === job.id)
          .sort((a, b) => a.occurredAt - b.occurredAt || (a.id < b.id ? -1 : 1));
        expect(mine.at(-1)?.type).toBe('JobComplete');
        expect(mine[0]?.type).toBe('Dialing');
      }
      // The group completed once its last job did, with one JobGroupComplete that adds up.
      const groupEvents = (
        await t.db.selectFrom('event').selectAll().where('type', '=', 'JobGroupComplete').execute()
      ).map((r) => JSON.parse(r.data) as JobGroupEvent);
      expect(groupEvents).toHaveLength(1);
      const [groupDone] = groupEvents;
      expect(groupDone?.group.status).toBe('Completed');
      expect(groupDone?.progress.totalJobs).toBe(phones.length);
      expect(groupDone?.progress.attempts).toBe(tasks.length);
      expect(groupDone?.occurredAt).toBe(Math.max(...complete.map((e) => e.occurredAt)));
    });

    it('writes CallAnswered when the call is answered, not when it ends', async () => {
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones: ['13900000001'],
        sim: {
          rules: [
            { pattern: '+86*', outcomes: [{ status: 'Succeeded', setupMs: 2_000, ringMs: 8_000, talkMs: 600_000 }] },
          ],
        },
      });
      const events = async () =>
        (await t.db.selectFrom('event').selectAll().orderBy('occurred_at').execute()).map(
          (r) => JSON.parse(r.data) as JobEvent,
        );
      c.engine.start();
      await c.engine.whenIdle();
      // Ten minutes of talk: run the clock to the middle of the call.
      while ((c.clock.nextTimerAt() ?? Number.POSITIVE_INFINITY) <= MONDAY_8AM + 5 * 60_000) {
        c.clock.fireNext();
        await c.engine.whenIdle();
      }
      const during = await events();
      expect(during.map((e) => e.type)).toEqual(['Dialing', 'CallAnswered']);
      const answered = during[1] as JobEvent;
      expect(answered.occurredAt).toBe(MONDAY_8AM + 10_000);
      expect(answered.task).toMatchObject({
        status: TaskStatus.Executing,
        answeredAt: MONDAY_8AM + 10_000,
        endTime: null,
      });
      expect(answered.task?.ringDuration).toBe(8_000);

      await runVirtualCampaign({ engine: c.engine, clock: c.clock, isDone: () => false, until: MONDAY_8AM + DAY });
      const after = await events();
      expect(after.map((e) => e.type)).toEqual([
        'Dialing',
        'CallAnswered',
        'CallFinished',
        'JobComplete',
        'JobGroupComplete',
      ]);
      expect(after[1]?.id).toBe(answered.id);
      const task = await t.db.selectFrom('task').selectAll().executeTakeFirstOrThrow();
      expect(task.end_time).toBe(MONDAY_8AM + 10_000 + 600_000);
    });
  });
}
