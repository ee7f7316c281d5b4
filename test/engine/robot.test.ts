import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/core/clock.js';
import { TaskStatus } from '../../src/core/enums.js';
import type { JobEvent } from '../../src/core/events.js';
import { runVirtualCampaign } from '../../src/engine/runVirtualCampaign.js';
import { taskRobotResult } from '../../src/store/tasks/taskRobotColumns.js';
import { setUpCampaign } from '../support/campaign.js';
import { DEBT_REMINDER, debtReminderExtras } from '../support/scriptSources.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/testStore.js';

const MONDAY_8AM = DateTime.fromISO('2026-01-05T08:00:00', { zone: 'Asia/Shanghai' }).toMillis();

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: a job group with a published script talks to every answered callee`, () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(dialect);
    });
    afterEach(() => t.drop());

    it('answered calls carry a conversation, a level, the rule that fired and tags; unanswered ones a call-status level', async () => {
      const phones = Array.from({ length: 80 }, (_, i) => `1391111${String(i).padStart(4, '0')}`);
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones,
        script: DEBT_REMINDER,
        extras: debtReminderExtras,
        group: { strategy: { maxAttemptsPerDay: 2, minAttemptInterval: 30, maxAttempts: 2 } },
      });
      await runVirtualCampaign({ engine: c.engine, clock: c.clock, isDone: () => false, until: MONDAY_8AM + 2 * DAY });

      const tasks = await t.db.selectFrom('task').selectAll().execute();
      const answered = tasks.filter((x) => x.status === TaskStatus.Succeeded);
      const unanswered = tasks.filter((x) => x.status !== TaskStatus.Succeeded);
      expect(answered.length).toBeGreaterThan(10);
      expect(unanswered.length).toBeGreaterThan(10);
      for (const task of tasks) expect(task.script_version).toBe(1);

      const levels = new Set<string>();
      for (const task of answered) {
        const robot = taskRobotResult(task);
        expect(robot?.level).toMatch(/^[A-F]$/);
        levels.add(robot?.level ?? '');
        expect(robot?.rule).not.toBe('');
        expect(robot?.endReason).not.toBeNull();
        const lines = robot?.transcript ?? [];
        expect(lines[0]?.speaker).toBe('robot');
        // The job's own variables are spoken; nothing unfilled is.
        const spoken = lines.filter((l) => l.speaker === 'robot').map((l) => l.text);
        expect(spoken.join(' ')).not.toMatch(/undefined|\$\{/);
        // The talk time is the conversation's: it starts at the answer and ends with its last line.
        const end = task.end_time ?? 0;
        expect(lines.every((l) => l.at <= end)).toBe(true);
        expect(task.talk_duration).toBeGreaterThan(0);
      }
      // Different callees answer differently: more than one level among the answered calls.
      expect(levels.size).toBeGreaterThan(1);
      for (const task of unanswered) {
        const robot = taskRobotResult(task);
        expect(robot?.transcript).toEqual([]);
        expect(robot?.endReason).toBeNull();
        // BaiYing's defaults: D for busy / no answer / powered off, E for numbers that cannot be reached.
        expect(['D', 'E']).toContain(robot?.level);
      }

      // Each CallFinished event carries the robot's result of its task.
      const finished = (await t.db.selectFrom('event').selectAll().where('type', '=', 'CallFinished').execute()).map(
        (r) => JSON.parse(r.data) as JobEvent,
      );
      expect(finished.length).toBe(tasks.length);
      for (const e of finished) {
        const task = tasks.find((x) => x.id === e.taskId);
        expect(e.task?.robot?.level).toBe(task?.level);
        expect(e.task?.robot?.transcript.length).toBe(taskRobotResult(task ?? tasks[0]!)?.transcript.length);
      }
    });

    it('the same seed gives the same conversations', async () => {
      const run = async () => {
        const s = await openTestStore(dialect);
        try {
          const c = await setUpCampaign(s, {
            start: MONDAY_8AM,
            phones: Array.from({ length: 30 }, (_, i) => `1392222${String(i).padStart(4, '0')}`),
            script: DEBT_REMINDER,
            extras: debtReminderExtras,
            group: { strategy: { maxAttempts: 1 } },
          });
          await runVirtualCampaign({ engine: c.engine, clock: c.clock, isDone: () => false, until: MONDAY_8AM + DAY });
          const rows = await s.db.selectFrom('task').select(['called_number', 'level', 'conversation']).execute();
          return rows
            .map((r) => `${r.called_number} ${r.level} ${r.conversation?.length ?? 0}`)
            .sort()
            .join('\n');
        } finally {
          await s.drop();
        }
      };
      expect(await run()).toBe(await run());
    });
  });
}
