import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/core/clock.js';
import { FailureReason, JobStatus } from '../../src/core/enums.js';
import type { JobEvent, JobGroupEvent } from '../../src/core/events.js';
import { assignJobs } from '../../src/service/assignJobs.js';
import { cancelJobGroup, startJobGroup, updateJobGroup } from '../../src/service/jobGroups/index.js';
import { changeJobs } from '../../src/service/jobs/index.js';
import { setUpCampaign } from '../support/campaign.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/testStore.js';

const MONDAY_8AM = DateTime.fromISO('2026-01-05T08:00:00', { zone: 'Asia/Shanghai' }).toMillis();

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: jobs ended through the API complete with an event in the same transaction`, () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(dialect);
    });
    afterEach(() => t.drop());

    const groupCompletions = async () =>
      (await t.db.selectFrom('event').select('data').where('type', '=', 'JobGroupComplete').execute()).map(
        (r) => JSON.parse(r.data) as JobGroupEvent,
      );
    const completions = async () =>
      (await t.db.selectFrom('event').select('data').where('type', '=', 'JobComplete').execute()).map(
        (r) => JSON.parse(r.data) as JobEvent,
      );

    it('cancelling jobs, cancelling a group, and assigning jobs past their end each write JobComplete', async () => {
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones: ['13900000001', '13900000002', '13900000003'],
        group: { strategy: { startTime: MONDAY_8AM + 10 * DAY, endTime: MONDAY_8AM + 20 * DAY } },
      });
      const [first] = c.jobIds;
      await changeJobs(c.deps, { instanceId: c.instanceId, command: 'cancel', jobIds: [first as string] });
      let done = await completions();
      expect(done.map((e) => [e.jobId, e.job.status])).toEqual([[first, JobStatus.Cancelled]]);
      // Cancelling again changes nothing and says nothing.
      await changeJobs(c.deps, { instanceId: c.instanceId, command: 'cancel', jobIds: [first as string] });
      expect(await completions()).toHaveLength(1);

      await cancelJobGroup(c.deps, c.instanceId, c.jobGroupId);
      done = await completions();
      expect(done.map((e) => e.jobId).sort()).toEqual([...c.jobIds].sort());
      expect((await groupCompletions()).map((e) => [e.jobGroupId, e.group.status, e.progress.totalJobs])).toEqual([
        [c.jobGroupId, 'Cancelled', 3],
      ]);

      const late = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones: ['13900000009'],
        group: { strategy: { startTime: MONDAY_8AM - 20 * DAY, endTime: MONDAY_8AM - 10 * DAY } },
      });
      const extra = await assignJobs(late.deps, {
        jobGroupId: late.jobGroupId,
        jobs: [{ referenceId: 'x', contacts: [{ phoneNumber: '13900000010' }] }],
      });
      const lateEvents = (await completions()).filter((e) => e.jobGroupId === late.jobGroupId);
      expect(lateEvents.map((e) => e.jobId).sort()).toEqual([...late.jobIds, ...extra.jobIds].sort());
      expect(lateEvents.every((e) => e.job.status === JobStatus.Failed && e.tasks.length === 0)).toBe(true);
    });

    it("moving a running group's end into the past fails its waiting jobs and completes the group, with events", async () => {
      const c = await setUpCampaign(t, {
        start: MONDAY_8AM,
        phones: ['13900000001', '13900000002'],
        group: { strategy: { startTime: MONDAY_8AM + 1 * DAY, endTime: MONDAY_8AM + 20 * DAY } },
      });
      await startJobGroup(c.deps, c.instanceId, c.jobGroupId);
      await updateJobGroup(c.deps, c.instanceId, c.jobGroupId, {
        strategy: { startTime: MONDAY_8AM - 20 * DAY, endTime: MONDAY_8AM - 10 * DAY },
      });
      const done = await completions();
      expect(done.map((e) => [e.jobId, e.job.status, e.job.failureReason]).sort()).toEqual(
        [...c.jobIds].sort().map((id) => [id, JobStatus.Failed, FailureReason.TimeUp]),
      );
      const [group] = await groupCompletions();
      expect(group?.group.status).toBe('Completed');
      expect(group?.progress.jobsByStatus.Failed).toBe(2);
    });
  });
}
