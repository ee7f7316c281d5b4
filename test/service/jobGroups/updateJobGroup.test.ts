import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/core/clock.js';
import { FailureReason, JobStatus } from '../../../src/core/enums.js';
import { createVirtualClock, type VirtualClock } from '../../../src/core/virtualClock.js';
import { assignJobs } from '../../../src/service/assignJobs.js';
import { createScript } from '../../../src/service/catalog/createScript.js';
import { publishScript } from '../../../src/service/catalog/publishScript.js';
import { createInstance } from '../../../src/service/createInstance.js';
import { createJobGroup } from '../../../src/service/createJobGroup.js';
import { createLineGroup } from '../../../src/service/createLineGroup.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { cancelJobGroup } from '../../../src/service/jobGroups/cancelJobGroup.js';
import { type JobGroupPatch, updateJobGroup } from '../../../src/service/jobGroups/updateJobGroup.js';
import { testIds } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { greetingScript } from '../../support/scriptSources.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const ZONE = 'Asia/Shanghai';
// Monday 2026-01-05 08:00 in Shanghai (00:00 UTC).
const T0 = DateTime.fromISO('2026-01-05T08:00:00', { zone: ZONE }).toMillis();
const at = (iso: string, zone = ZONE) => DateTime.fromISO(iso, { zone }).toMillis();

const phones = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    contacts: [{ phoneNumber: `138${String(10_000_000 + from + i).padStart(8, '0')}`, referenceId: `r${from + i}` }],
  }));

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: updating a job group`, () => {
    let t: TestStore;
    let clock: VirtualClock;
    let deps: ServiceDeps;
    let wakes: number;
    let instanceId: string;
    let lineGroupIds: string[];
    beforeEach(async () => {
      t = await openTestStore(dialect);
      clock = createVirtualClock(T0);
      wakes = 0;
      deps = {
        db: t.db,
        caps: t.caps,
        clock,
        newId: testIds(),
        defaultCountry: 'CN',
        defaultTimeZone: ZONE,
        wake: () => {
          wakes++;
        },
      };
      instanceId = (await createInstance(deps, { name: 'acme' })).id;
      lineGroupIds = [(await createLineGroup(deps, { instanceId, name: 'trunk', callingNumbers: ['02100000001'] })).id];
    });
    afterEach(() => t.drop());

    const row = (id: string) => t.db.selectFrom('job_group').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('changes the given fields only, bumping version and modified_at', async () => {
      const g = await createJobGroup(deps, { instanceId, name: 'spring', lineGroupIds, concurrency: 3 });
      const second = (await createLineGroup(deps, { instanceId, name: 'backup', callingNumbers: ['02100000002'] })).id;
      const script = await createScript(deps, { instanceId, script: greetingScript() });
      await publishScript(deps, instanceId, script.id);
      clock.set(T0 + MINUTE);
      const u = await updateJobGroup(deps, instanceId, g.id, {
        name: '  summer ',
        description: 'the second wave',
        lineGroupIds: [second, ...lineGroupIds],
        ringingDuration: 40,
        priority: 'Urgent',
        scriptId: script.id,
      });
      expect(u).toMatchObject({
        name: 'summer',
        description: 'the second wave',
        lineGroupIds: [second, ...lineGroupIds],
        ringingDuration: 40,
        priority: 'Urgent',
        scriptId: script.id,
        scriptVersion: 1,
        concurrency: 3,
        timeZone: ZONE,
        strategy: g.strategy,
        status: 'Draft',
        version: g.version + 1,
        modifiedAt: T0 + MINUTE,
        createdAt: T0,
      });
      expect((await row(g.id)).priority).toBe(0);
      const cleared = await updateJobGroup(deps, instanceId, g.id, { scriptId: null });
      expect(cleared.scriptId).toBeNull();
      expect(cleared.scriptVersion).toBeNull();
      expect(cleared.name).toBe('summer');
    });

    const bad: [string, JobGroupPatch, string, string][] = [
      ['an empty name', { name: ' ' }, 'VALIDATION_FAILED', 'name'],
      ['a ringing duration out of range', { ringingDuration: 3 }, 'VALIDATION_FAILED', 'ringingDuration'],
      ['a negative concurrency', { concurrency: -1 }, 'VALIDATION_FAILED', 'concurrency'],
      ['an unknown priority', { priority: 'Whenever' }, 'VALIDATION_FAILED', 'priority'],
      ['an unknown zone', { timeZone: 'Mars/Olympus' }, 'VALIDATION_FAILED', 'timeZone'],
      ['no line groups', { lineGroupIds: [] }, 'VALIDATION_FAILED', 'lineGroupIds'],
      ['a missing line group', { lineGroupIds: ['nope'] }, 'LINE_GROUP_NOT_FOUND', 'lineGroupIds[0]'],
      ['a missing script', { scriptId: 'nope' }, 'SCRIPT_NOT_FOUND', 'scriptId'],
      [
        'a bad window',
        { strategy: { RepeatBy: 'once', workingTime: [{ beginTime: '09:00:00', endTime: '25:00:00' }] } },
        'INVALID_STRATEGY',
        'strategy.workingTime[0].endTime',
      ],
      [
        'a bad recall flag',
        { recallStrategy: { emptyNumberIgnore: 'maybe' } },
        'INVALID_STRATEGY',
        'recallStrategy.emptyNumberIgnore',
      ],
    ];
    for (const [what, patch, code, field] of bad) {
      it(`refuses ${what}, naming ${field}, and writes nothing`, async () => {
        const g = await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds });
        await assignJobs(deps, { jobGroupId: g.id, jobs: phones(3) });
        const before = await row(g.id);
        const jobsBefore = await t.db.selectFrom('job').selectAll().orderBy('id').execute();
        clock.set(T0 + MINUTE);
        const e = await rejection(updateJobGroup(deps, instanceId, g.id, { name: 'fine', ...patch }));
        expect(e.code).toBe(code);
        expect(e.details.field).toBe(field);
        expect(e.message).toContain(field);
        expect(await row(g.id)).toEqual(before);
        expect(await t.db.selectFrom('job').selectAll().orderBy('id').execute()).toEqual(jobsBefore);
        expect(wakes).toBe(0);
      });
    }

    it('refuses a line group or script of another instance as missing', async () => {
      const other = (await createInstance(deps, { name: 'other' })).id;
      const theirLines = (
        await createLineGroup(deps, { instanceId: other, name: 'x', callingNumbers: ['02100000009'] })
      ).id;
      const theirScript = (await createScript(deps, { instanceId: other, script: greetingScript() })).id;
      await publishScript(deps, other, theirScript);
      const g = await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds });
      expect((await rejection(updateJobGroup(deps, instanceId, g.id, { lineGroupIds: [theirLines] }))).code).toBe(
        'LINE_GROUP_NOT_FOUND',
      );
      expect((await rejection(updateJobGroup(deps, instanceId, g.id, { scriptId: theirScript }))).code).toBe(
        'SCRIPT_NOT_FOUND',
      );
      expect(
        (await rejection(createJobGroup(deps, { instanceId, name: 'h', lineGroupIds, scriptId: theirScript }))).details
          .field,
      ).toBe('scriptId');
    });

    it('refuses to modify a Cancelled group', async () => {
      const g = await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds });
      await cancelJobGroup(deps, instanceId, g.id);
      const before = await row(g.id);
      const e = await rejection(updateJobGroup(deps, instanceId, g.id, { name: 'again' }));
      expect(e.code).toBe('ILLEGAL_TRANSITION');
      expect(e.message).toContain('Cancelled');
      expect(await row(g.id)).toEqual(before);
    });

    it('a new strategy re-plans the waiting jobs that follow the group, in each job’s own zone', async () => {
      const g = await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds });
      const plain = (await assignJobs(deps, { jobGroupId: g.id, jobs: phones(2) })).jobIds;
      const london = (
        await assignJobs(deps, {
          jobGroupId: g.id,
          jobs: phones(1, 10).map((j) => ({ ...j, timeZone: 'Europe/London' })),
        })
      ).jobIds;
      const ownStrategy = { RepeatBy: 'once', workingTime: [{ beginTime: '20:00:00', endTime: '21:00:00' }] };
      const own = (await assignJobs(deps, { jobGroupId: g.id, jobs: phones(1, 20), strategy: ownStrategy })).jobIds;
      const claimed = (await assignJobs(deps, { jobGroupId: g.id, jobs: phones(1, 30) })).jobIds;
      await t.db
        .updateTable('job')
        .set({ status: JobStatus.Executing })
        .where('id', '=', claimed[0] as string)
        .execute();
      const jobsBefore = new Map((await t.db.selectFrom('job').selectAll().execute()).map((j) => [j.id, j] as const));

      clock.set(T0 + MINUTE);
      await updateJobGroup(deps, instanceId, g.id, {
        strategy: { RepeatBy: 'once', workingTime: [{ beginTime: '09:00:00', endTime: '12:00:00' }] },
      });
      const jobs = new Map((await t.db.selectFrom('job').selectAll().execute()).map((j) => [j.id, j] as const));
      for (const id of plain) {
        expect(jobs.get(id)).toMatchObject({
          status: JobStatus.Scheduling,
          next_attempt_at: at('2026-01-05T09:00:00'),
          updated_at: T0 + MINUTE,
          version: (jobsBefore.get(id)?.version ?? 0) + 1,
        });
      }
      // 00:01 UTC is 00:01 in London: its window opens at 09:00 London time.
      expect(jobs.get(london[0] as string)?.next_attempt_at).toBe(at('2026-01-05T09:00:00', 'Europe/London'));
      // A job with its own strategy, and one whose call is being placed, are not the group's to re-plan.
      expect(jobs.get(own[0] as string)).toEqual(jobsBefore.get(own[0] as string));
      expect(jobs.get(claimed[0] as string)).toEqual(jobsBefore.get(claimed[0] as string));
      expect(wakes).toBeGreaterThan(0);

      // A zone change re-plans too: it is 09:01 in Tokyo, inside the window, so the jobs are due now.
      await updateJobGroup(deps, instanceId, g.id, { timeZone: 'Asia/Tokyo' });
      const afterZone = await t.db.selectFrom('job').selectAll().where('id', 'in', plain).execute();
      expect(afterZone.map((j) => j.next_attempt_at)).toEqual(plain.map(() => T0 + MINUTE));
    });

    it('a strategy whose end has passed fails the waiting jobs TimeUp', async () => {
      const g = await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds });
      const { jobIds } = await assignJobs(deps, { jobGroupId: g.id, jobs: phones(3) });
      clock.set(T0 + 10 * MINUTE);
      await updateJobGroup(deps, instanceId, g.id, { strategy: { startTime: T0 - 60 * MINUTE, endTime: T0 } });
      const jobs = await t.db.selectFrom('job').selectAll().where('id', 'in', jobIds).execute();
      expect(jobs).toHaveLength(3);
      for (const j of jobs) {
        expect(j).toMatchObject({
          status: JobStatus.Failed,
          failure_reason: FailureReason.TimeUp,
          next_attempt_at: null,
          finished_at: T0 + 10 * MINUTE,
        });
      }
    });

    it('re-plans a group larger than one batch, every job once', async () => {
      const g = await createJobGroup(deps, { instanceId, name: 'big', lineGroupIds });
      const count = 2_345;
      for (let from = 0; from < count; from += 1_000) {
        await assignJobs(deps, { jobGroupId: g.id, jobs: phones(Math.min(1_000, count - from), from) });
      }
      clock.set(T0 + MINUTE);
      await updateJobGroup(deps, instanceId, g.id, {
        strategy: { RepeatBy: 'once', workingTime: [{ beginTime: '10:00:00', endTime: '12:00:00' }] },
      });
      const rows = await t.db.selectFrom('job').select(['next_attempt_at', 'version']).execute();
      expect(rows).toHaveLength(count);
      expect(rows.every((r) => r.next_attempt_at === at('2026-01-05T10:00:00') && r.version === 1)).toBe(true);
    });
  });
}
