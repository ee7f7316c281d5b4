import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/core/clock.js';
import { runVirtualCampaign } from '../../src/engine/runVirtualCampaign.js';
import { expireRecordings } from '../../src/recordings/expireRecordings.js';
import { createFileRecordingStore } from '../../src/recordings/recordingStore.js';
import { deleteJobGroup } from '../../src/service/jobGroups/index.js';
import { setUpCampaign } from '../support/campaign.js';
import { DEBT_REMINDER, debtReminderExtras } from '../support/scriptSources.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/testStore.js';

const MONDAY_8AM = DateTime.fromISO('2026-01-05T08:00:00', { zone: 'Asia/Shanghai' }).toMillis();

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: kept recordings go when they are too old, and with their job group`, () => {
    let t: TestStore;
    let dir: string;
    beforeEach(async () => {
      t = await openTestStore(dialect);
      dir = mkdtempSync(join(tmpdir(), 'outdial-expire-'));
    });
    afterEach(async () => {
      await t.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const fileOf = (taskId: string) => join(dir, taskId.slice(-2), `${taskId}.wav`);
    const recorded = async () =>
      t.db
        .selectFrom('task')
        .select(['id', 'end_time'])
        .where('recording_file', 'is not', null)
        .orderBy('end_time')
        .execute();

    it('expires the recordings of calls that ended before the cut-off, files and links, and only those', async () => {
      const store = createFileRecordingStore(dir);
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones: Array.from({ length: 30 }, (_, i) => `1396666${String(i).padStart(4, '0')}`),
        script: DEBT_REMINDER,
        extras: debtReminderExtras,
        recordings: { store, urlOf: (id) => `http://x/v1/recordings/${id}` },
      });
      await runVirtualCampaign({ engine: c.engine, clock: c.clock, isDone: () => false, until: MONDAY_8AM + DAY });
      const before = await recorded();
      expect(before.length).toBeGreaterThan(4);
      const cut = before[Math.floor(before.length / 2)]?.end_time ?? 0;
      const old = before.filter((r) => (r.end_time ?? 0) < cut);
      const young = before.filter((r) => (r.end_time ?? 0) >= cut);
      expect(old.length).toBeGreaterThan(0);

      expect(await expireRecordings(t.db, store, cut)).toBe(old.length);
      for (const r of old) expect(existsSync(fileOf(r.id))).toBe(false);
      for (const r of young) expect(existsSync(fileOf(r.id))).toBe(true);
      expect((await recorded()).map((r) => r.id)).toEqual(young.map((r) => r.id));
      const gone = await t.db
        .selectFrom('task')
        .selectAll()
        .where(
          'id',
          'in',
          old.map((r) => r.id),
        )
        .execute();
      for (const task of gone) {
        expect([task.recording_url, task.recording_duration, task.recording_size]).toEqual([null, null, null]);
      }
      expect(await expireRecordings(t.db, store, cut)).toBe(0);

      // Deleting the (completed) group deletes the rest.
      c.deps.recordings = store;
      await deleteJobGroup(c.deps, c.instanceId, c.jobGroupId);
      for (const r of young) expect(existsSync(fileOf(r.id))).toBe(false);
    });
  });
}
