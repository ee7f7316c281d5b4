import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/core/virtualClock.js';
import { assignJobs } from '../../src/service/assignJobs.js';
import { createInstance } from '../../src/service/createInstance.js';
import { createJobGroup } from '../../src/service/createJobGroup.js';
import { createLineGroup } from '../../src/service/createLineGroup.js';
import type { ServiceDeps } from '../../src/service/deps.js';
import { testIds } from '../support/campaign.js';
import { rejection } from '../support/rejection.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/testStore.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: bad input is refused naming the field, and nothing is stored`, () => {
    let t: TestStore;
    let deps: ServiceDeps;
    let instanceId: string;
    let lineGroupIds: string[];
    beforeEach(async () => {
      t = await openTestStore(dialect);
      deps = {
        db: t.db,
        caps: t.caps,
        clock: createVirtualClock(T0),
        newId: testIds(),
        defaultCountry: 'CN',
        defaultTimeZone: 'Asia/Shanghai',
      };
      instanceId = (await createInstance(deps, { name: 'acme' })).id;
      lineGroupIds = [(await createLineGroup(deps, { instanceId, name: 'trunk', callingNumbers: ['02100000001'] })).id];
    });
    afterEach(() => t.drop());

    const groupCount = async () => (await t.db.selectFrom('job_group').select('id').execute()).length;
    const jobCount = async () => (await t.db.selectFrom('job').select('id').execute()).length;

    const badStrategies: [string, Record<string, unknown>, string, string][] = [
      ['endTime before startTime', { startTime: T0 + 1000, endTime: T0 }, 'INVALID_STRATEGY', 'strategy.endTime'],
      [
        'a window ending at 25:00:00',
        { RepeatBy: 'once', workingTime: [{ beginTime: '09:00:00', endTime: '25:00:00' }] },
        'INVALID_STRATEGY',
        'strategy.workingTime[0].endTime',
      ],
      [
        'overlapping windows',
        {
          RepeatBy: 'once',
          workingTime: [
            { beginTime: '09:00:00', endTime: '12:00:00' },
            { beginTime: '11:00:00', endTime: '13:00:00' },
          ],
        },
        'INVALID_STRATEGY',
        'strategy.workingTime[1]',
      ],
      [
        'a weekday out of range',
        { RepeatBy: 'week', RepeatDays: [1, 7] },
        'INVALID_STRATEGY',
        'strategy.repeatDays[1]',
      ],
      [
        'a month day out of range',
        { RepeatBy: 'month', RepeatDays: [0] },
        'INVALID_STRATEGY',
        'strategy.repeatDays[0]',
      ],
      ['an unknown RepeatBy', { RepeatBy: 'fortnight' }, 'INVALID_STRATEGY', 'strategy.repeatBy'],
    ];
    for (const [what, strategy, code, field] of badStrategies) {
      it(`a job group with ${what}`, async () => {
        const e = await rejection(createJobGroup(deps, { instanceId, name: 'g', lineGroupIds, strategy }));
        expect(e.code).toBe(code);
        expect(e.details.field).toBe(field);
        expect(e.message).toContain(field);
        expect(await groupCount()).toBe(0);
      });
    }

    it('a job group in an unknown zone or on a line group of another instance', async () => {
      expect(
        (await rejection(createJobGroup(deps, { instanceId, name: 'g', lineGroupIds, timeZone: 'Mars/Olympus' })))
          .details.field,
      ).toBe('timeZone');
      const other = (await createInstance(deps, { name: 'other' })).id;
      const e = await rejection(createJobGroup(deps, { instanceId: other, name: 'g', lineGroupIds }));
      expect(e.code).toBe('LINE_GROUP_NOT_FOUND');
      expect(await groupCount()).toBe(0);
    });

    const badBatches: [string, unknown[], string, string][] = [
      [
        'a phone number that is not one',
        [{ contacts: [{ phoneNumber: 'call me maybe', referenceId: 'a' }] }],
        'INVALID_PHONE_NUMBER',
        'jobs[0].contacts[0].phoneNumber',
      ],
      ['an empty contacts list', [{ contacts: [], referenceId: 'a' }], 'VALIDATION_FAILED', 'jobs[0].contacts'],
      [
        'a duplicate referenceId in the batch',
        [
          { contacts: [{ phoneNumber: '13800138000', referenceId: 'same' }] },
          { contacts: [{ phoneNumber: '13800138001', referenceId: 'same' }] },
        ],
        'DUPLICATE_REFERENCE_ID',
        'jobs[1].referenceId',
      ],
    ];
    for (const [what, jobs, code, field] of badBatches) {
      it(`jobs with ${what}`, async () => {
        const group = await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds });
        const good = { contacts: [{ phoneNumber: '13900139000', referenceId: 'fine' }] };
        const e = await rejection(assignJobs(deps, { jobGroupId: group.id, jobs: [good, ...jobs] }));
        expect(e.code).toBe(code);
        expect(e.details.field).toBe(field.replace(/^jobs\[(\d+)\]/, (_, i) => `jobs[${Number(i) + 1}]`));
        expect(await jobCount()).toBe(0);
      });
    }

    it('a referenceId the group already holds, keeping the original phone string of the stored one', async () => {
      const group = await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds });
      await assignJobs(deps, {
        jobGroupId: group.id,
        jobs: [{ contacts: [{ phoneNumber: '138-0013-8000', referenceId: 'r1' }] }],
      });
      const e = await rejection(
        assignJobs(deps, {
          jobGroupId: group.id,
          jobs: [
            { contacts: [{ phoneNumber: '13800138002', referenceId: 'r2' }] },
            { contacts: [{ phoneNumber: '13800138001', referenceId: 'r1' }] },
          ],
        }),
      );
      expect(e.code).toBe('DUPLICATE_REFERENCE_ID');
      expect(e.details.field).toBe('jobs[1].referenceId');
      const rows = await t.db.selectFrom('job').select(['reference_id', 'phone_number', 'contacts']).execute();
      expect(rows.map((r) => r.reference_id)).toEqual(['r1']);
      expect(rows[0]?.phone_number).toBe('+8613800138000');
      expect(JSON.parse(rows[0]?.contacts ?? '[]')[0].phoneNumber).toBe('138-0013-8000');
    });
  });
}
