import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/core/clock.js';
import { TaskStatus } from '../../src/core/enums.js';
import type { JobEvent } from '../../src/core/events.js';
import { runVirtualCampaign } from '../../src/engine/runVirtualCampaign.js';
import { FORMATS } from '../../src/events/formats/index.js';
import { createFileRecordingStore, type RecordingStore } from '../../src/recordings/recordingStore.js';
import { MU_LAW_SILENCE } from '../../src/telephony/audio/muLawWav.js';
import { setUpCampaign } from '../support/campaign.js';
import { DEBT_REMINDER, debtReminderExtras } from '../support/scriptSources.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/testStore.js';

const MONDAY_8AM = DateTime.fromISO('2026-01-05T08:00:00', { zone: 'Asia/Shanghai' }).toMillis();

const urlOf = (taskId: string) => `https://calls.example.com/v1/recordings/${taskId}`;
const WAV_HEADER = 58;

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: answered calls are recorded, kept, linked from their events and announced by RecordingReady`, () => {
    let t: TestStore;
    let dir: string;
    beforeEach(async () => {
      t = await openTestStore(dialect);
      dir = mkdtempSync(join(tmpdir(), 'outdial-recordings-'));
    });
    afterEach(async () => {
      await t.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('keeps one WAV per answered call, as long as the talk, with the robot audible where it spoke', async () => {
      const store = createFileRecordingStore(dir);
      const phones = Array.from({ length: 40 }, (_, i) => `1392222${String(i).padStart(4, '0')}`);
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones,
        script: DEBT_REMINDER,
        extras: debtReminderExtras,
        group: { strategy: { maxAttemptsPerDay: 2, minAttemptInterval: 30, maxAttempts: 2 } },
        recordings: { store, urlOf },
      });
      await runVirtualCampaign({ engine: c.engine, clock: c.clock, isDone: () => false, until: MONDAY_8AM + 2 * DAY });

      const tasks = await t.db.selectFrom('task').selectAll().execute();
      const answered = tasks.filter((x) => x.status === TaskStatus.Succeeded);
      const unanswered = tasks.filter((x) => x.status !== TaskStatus.Succeeded);
      expect(answered.length).toBeGreaterThan(5);
      expect(unanswered.length).toBeGreaterThan(5);
      for (const task of unanswered) expect(task.recording_file).toBeNull();

      for (const task of answered) {
        expect(task.recording_file).toBe(`${task.id}.wav`);
        expect(task.recording_url).toBe(urlOf(task.id));
        expect(task.recording_duration).toBe(task.talk_duration);
        const file = await store.open(task.id);
        expect(file?.size).toBe(task.recording_size);
        const wav = Buffer.concat((await file?.stream.toArray()) ?? []);
        const samples = Math.round(task.talk_duration * 8);
        expect(wav.length).toBe(WAV_HEADER + samples + (samples % 2));
        expect(task.recording_size).toBe(wav.length);

        expect(wav.subarray(0, 4).toString()).toBe('RIFF');
        expect(wav.readUInt16LE(20)).toBe(7); // µ-law
        expect(wav.readUInt32LE(24)).toBe(8000);
        expect(wav.readUInt32LE(54)).toBe(samples);
        // The robot speaks first, at the answer: the first tenth of a second is not silence.
        const opening = wav.subarray(WAV_HEADER, WAV_HEADER + 800);
        expect(opening.some((b) => b !== MU_LAW_SILENCE)).toBe(true);
      }
    });

    it('RecordingReady follows the CallFinished of every recorded call, and the vendor formats carry the link', async () => {
      const store = createFileRecordingStore(dir);
      const phones = Array.from({ length: 30 }, (_, i) => `1393333${String(i).padStart(4, '0')}`);
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones,
        script: DEBT_REMINDER,
        extras: debtReminderExtras,
        recordings: { store, urlOf },
      });
      await runVirtualCampaign({ engine: c.engine, clock: c.clock, isDone: () => false, until: MONDAY_8AM + DAY });

      const tasks = await t.db.selectFrom('task').selectAll().execute();
      const answered = tasks.filter((x) => x.status === TaskStatus.Succeeded);
      expect(answered.length).toBeGreaterThan(3);
      const rows = await t.db.selectFrom('event').selectAll().orderBy('occurred_at').orderBy('id').execute();
      const events = rows.map((r) => JSON.parse(r.data) as JobEvent);
      const ready = events.filter((e) => e.type === 'RecordingReady');
      expect(ready.map((e) => e.taskId).sort()).toEqual(answered.map((x) => x.id).sort());

      for (const e of ready) {
        const task = answered.find((x) => x.id === e.taskId);
        const expected = {
          fileName: `${e.taskId}.wav`,
          url: urlOf(e.taskId ?? ''),
          durationMs: task?.talk_duration,
          size: task?.recording_size,
        };
        expect(e.task?.recording).toEqual(expected);
        const finished = events.findIndex((x) => x.type === 'CallFinished' && x.taskId === e.taskId);
        expect(finished).toBeGreaterThanOrEqual(0);
        expect(finished).toBeLessThan(events.indexOf(e));
        expect(events[finished]?.task?.recording).toEqual(expected);

        const alibaba = JSON.parse(FORMATS.alibaba(e)?.body ?? '{}');
        expect(alibaba).toMatchObject({
          eventType: 'RecordingReady',
          recording: {
            taskId: e.taskId,
            callId: e.taskId,
            duration: Math.round((task?.talk_duration ?? 0) / 1000),
            fileName: `${e.taskId}.wav`,
            url: urlOf(e.taskId ?? ''),
          },
        });
        const baiying = JSON.parse(FORMATS.baiying(events[finished] as JobEvent)?.body ?? '{}');
        expect(baiying.data.data.sceneInstance.luyinOssUrl).toBe(urlOf(e.taskId ?? ''));
        const airudder = JSON.parse(FORMATS.airudder(events[finished] as JobEvent)?.body ?? '{}');
        expect(airudder.pds.body.reclink).toBe(urlOf(e.taskId ?? ''));
      }
      // A job's closing event lists its calls with their recordings.
      for (const done of events.filter((e) => e.type === 'JobComplete')) {
        for (const task of done.tasks) {
          const row = tasks.find((x) => x.id === task.id);
          expect(task.recording?.url ?? null).toBe(row?.recording_url ?? null);
        }
      }
    });

    it('a recording that cannot be kept is missed, never the call: the outcome is recorded without it', async () => {
      const broken: RecordingStore = {
        save: async () => {
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        },
        open: async () => null,
        remove: async () => {},
      };
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones: ['13944440001', '13944440002', '13944440003'],
        sim: { rules: [{ pattern: '+86*', outcomes: [{ status: 'Succeeded', talkMs: 20_000 }] }] },
        recordings: { store: broken, urlOf },
      });
      await runVirtualCampaign({ engine: c.engine, clock: c.clock, isDone: () => false, until: MONDAY_8AM + DAY });

      const tasks = await t.db.selectFrom('task').selectAll().execute();
      expect(tasks).toHaveLength(3);
      for (const task of tasks) {
        expect(task.status).toBe(TaskStatus.Succeeded);
        expect(task.recording_file).toBeNull();
      }
      const types = (await t.db.selectFrom('event').select('type').execute()).map((r) => r.type);
      expect(types.filter((x) => x === 'CallFinished')).toHaveLength(3);
      expect(types).not.toContain('RecordingReady');
    });
  });
}
