import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLineGroup } from '../../../../src/service/createLineGroup.js';
import { SERVER_T0, startTestServer, type TestServer } from '../../../support/testServer.js';
import { TEST_DIALECTS } from '../../../support/testStore.js';
import { expectRpcError, jobJson, type Rpc, rpcFor } from './rpcTestClient.js';

const HOUR = 3_600_000;
const DEMO_NUMBERS = ['02161000001', '02161000002', '02161000003', '02161000004'];
const BRANCH_NUMBERS = ['02170000001', '02170000002'];

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: job group actions`, () => {
    let s: TestServer;
    let rpc: Rpc;
    let own: { InstanceId: string };
    beforeAll(async () => {
      s = await startTestServer(dialect);
      rpc = rpcFor(s);
      own = { InstanceId: s.instanceId };
      await s.clock.advanceBy(HOUR);
      await createLineGroup(s.deps, { instanceId: s.instanceId, name: 'Branch', callingNumbers: BRANCH_NUMBERS });
    });
    afterAll(() => s.close());

    const create = (params: Record<string, unknown>) =>
      rpc.post('CreateJobGroup', { ...own, JobGroupName: 'g', ...params });

    it('CallingNumber.N picks line groups in order of mention, RecallCallingNumber.N follows; none means all', async () => {
      const all = (await create({})).JobGroup;
      expect(all.CallingNumbers).toEqual([...DEMO_NUMBERS, ...BRANCH_NUMBERS]);
      expect(all).toMatchObject({ Priority: 'Daily', RingingDuration: 25, MinConcurrency: 0, ScriptId: '' });

      const picked = (await create({ CallingNumber: ['02170000002'], RecallCallingNumber: ['02161000003'] })).JobGroup;
      expect(picked.CallingNumbers).toEqual([...BRANCH_NUMBERS, ...DEMO_NUMBERS]);

      const body = await expectRpcError(
        create({ CallingNumber: ['02161000001', '09999999999'] }),
        'InvalidParameter',
        400,
      );
      expect(body.Message).toContain('"CallingNumber.2"');
      expect(body.Message).toContain('09999999999');
    });

    it('a bad setting is InvalidParameter naming the request parameter', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [
          { StrategyJson: JSON.stringify({ workingTime: [{ beginTime: '25:00:00', endTime: '26:00' }] }) },
          'StrategyJson.workingTime[0].beginTime',
        ],
        [{ StrategyJson: '{"maxAttemptsPerDay": ' }, 'StrategyJson'],
        [{ RecallStrategyJson: '{"emptyNumberIgnore": "maybe"}' }, 'RecallStrategyJson.emptyNumberIgnore'],
        [{ RingingDuration: 3 }, 'RingingDuration'],
        [{ Priority: 'High' }, 'Priority'],
        [{ MinConcurrency: -1 }, 'MinConcurrency'],
        [{ FlashSmsExtras: '{oops' }, 'FlashSmsExtras'],
      ];
      for (const [params, field] of cases) {
        const body = await expectRpcError(create(params), 'InvalidParameter', 400);
        expect(body.Message).toContain(field);
      }
      await expectRpcError(rpc.get('CreateJobGroup', own), 'MissingJobGroupName', 400);
      const script = await expectRpcError(create({ ScriptId: 'no-such-script' }), 'NotExist.Script', 404);
      expect(script.Recommend).toContain('ScriptId');
      const scenario = await expectRpcError(create({ ScenarioId: 'no-such-script' }), 'NotExist.Script', 404);
      expect(scenario.Recommend).toContain('ScenarioId');
      const listed = await rpc.get('ListJobGroups', { ...own, PageNumber: 1, PageSize: 100 });
      expect(listed.JobGroups.TotalCount).toBe(2);
    });

    it('ModifyJobGroup changes what it is given, keeps the rest, and pauses and resumes by JobGroupStatus', async () => {
      const g = (
        await create({
          JobGroupName: 'before',
          ScriptId: s.scriptId,
          Priority: 'Urgent',
          StrategyJson: JSON.stringify({ maxAttemptsPerDay: 2, startTime: SERVER_T0 + 30 * 24 * HOUR }),
        })
      ).JobGroup;
      await expectRpcError(rpc.post('ModifyJobGroup', { ...own, JobGroupId: g.JobGroupId }), 'MissingName', 400);

      const modified = (
        await rpc.post('ModifyJobGroup', {
          ...own,
          JobGroupId: g.JobGroupId,
          Name: 'after',
          Description: 'renamed',
          CallingNumber: ['02170000001'],
          StrategyJson: JSON.stringify({ maxAttemptsPerDay: 3, minAttemptInterval: 15 }),
          RecallStrategyJson: '',
        })
      ).JobGroup;
      expect(modified).toMatchObject({
        JobGroupId: g.JobGroupId,
        JobGroupName: 'after',
        JobGroupDescription: 'renamed',
        Priority: 'Urgent',
        ScriptId: s.scriptId,
        Status: 'Draft',
        CallingNumbers: BRANCH_NUMBERS,
        Strategy: { MaxAttemptsPerDay: 3, MinAttemptInterval: 15 },
      });

      await rpc.get('AssignJobs', { ...own, JobGroupId: g.JobGroupId, JobsJson: [jobJson(1), jobJson(2)] });
      const paused = await rpc.get('ModifyJobGroup', {
        ...own,
        JobGroupId: g.JobGroupId,
        Name: 'after',
        JobGroupStatus: 'Paused',
      });
      expect(paused.JobGroup.Status).toBe('Paused');
      const resumed = await rpc.get('ModifyJobGroup', {
        ...own,
        JobGroupId: g.JobGroupId,
        Name: 'after',
        JobGroupStatus: 'Draft',
      });
      expect(resumed.JobGroup.Status).toBe('Scheduling');
      const bad = await expectRpcError(
        rpc.get('ModifyJobGroup', { ...own, JobGroupId: g.JobGroupId, Name: 'x', JobGroupStatus: 'Executing' }),
        'InvalidParameter',
        400,
      );
      expect(bad.Message).toContain('JobGroupStatus');
      const renamedBad = await expectRpcError(
        rpc.get('ModifyJobGroup', { ...own, JobGroupId: g.JobGroupId, Name: '  ' }),
        'InvalidParameter',
        400,
      );
      expect(renamedBad.Message).toContain('Name');

      // A group being dialled cannot be deleted; once paused it can, with its jobs.
      const busy = await expectRpcError(
        rpc.post('DeleteJobGroup', { ...own, JobGroupId: g.JobGroupId }),
        'OperationDenied.JobGroupBusy',
        400,
      );
      expect(busy.Message).toContain('Scheduling');
      await rpc.post('ModifyJobGroup', { ...own, JobGroupId: g.JobGroupId, Name: 'after', JobGroupStatus: 'Paused' });
      const deleted = await rpc.post('DeleteJobGroup', { ...own, JobGroupId: g.JobGroupId });
      expect(Object.keys(deleted).sort()).toEqual(['Code', 'HttpStatusCode', 'Message', 'RequestId', 'Success']);
      await expectRpcError(rpc.get('DescribeJobGroup', { ...own, JobGroupId: g.JobGroupId }), 'NotExist.JobGroup', 404);
    });

    it('ListJobGroups filters by status, name and creation time, pages, and answers AsyncQuery at once', async () => {
      await s.clock.advanceBy(HOUR);
      const t = s.clock.now();
      const a = (await create({ JobGroupName: 'Spring renewals' })).JobGroup;
      await s.clock.advanceBy(HOUR);
      const b = (await create({ JobGroupName: 'Autumn RENEWALS' })).JobGroup;
      await rpc.get('ModifyJobGroup', {
        ...own,
        JobGroupId: b.JobGroupId,
        Name: b.JobGroupName,
        JobGroupStatus: 'Paused',
      });
      const list = async (params: Record<string, unknown>) =>
        (await rpc.get('ListJobGroups', { ...own, PageNumber: 1, PageSize: 10, ...params })).JobGroups;
      const ids = (page: { List: { JobGroupId: string }[] }) => page.List.map((g) => g.JobGroupId);

      expect(ids(await list({ SearchText: 'renewals' }))).toEqual([b.JobGroupId, a.JobGroupId]);
      expect(ids(await list({ JobGroupStatusFilter: 'Paused' }))).toEqual([b.JobGroupId]);
      expect(ids(await list({ JobGroupStatusFilter: 'Paused,Draft', StartTime: t }))).toEqual([
        b.JobGroupId,
        a.JobGroupId,
      ]);
      expect(ids(await list({ StartTime: t, EndTime: t + HOUR - 1 }))).toEqual([a.JobGroupId]);
      expect(await list({ JobGroupStatusFilter: 'Failed,Initializing' })).toMatchObject({ TotalCount: 0, List: [] });
      const page2 = await list({ PageNumber: 2, PageSize: 1, SearchText: 'RENEWALS' });
      expect(page2).toMatchObject({ PageNumber: 2, PageSize: 1, TotalCount: 2 });
      expect(ids(page2)).toEqual([a.JobGroupId]);

      const async = await rpc.post('ListJobGroups', { ...own, PageNumber: 1, PageSize: 1, AsyncQuery: true });
      expect(async.AsyncTaskId).toEqual(expect.any(String));
      expect(async.JobGroups.List).toHaveLength(1);
      expect((await rpc.get('ListJobGroups', { ...own, PageNumber: 1, PageSize: 1 })).AsyncTaskId).toBeUndefined();

      for (const [params, field] of [
        [{ JobGroupStatusFilter: 'Running' }, 'JobGroupStatusFilter'],
        [{ PageSize: 101 }, 'PageSize'],
        [{ PageSize: 0 }, 'PageSize'],
        [{ PageNumber: 0 }, 'PageNumber'],
        [{ StartTime: 1_700_000_000 }, 'StartTime'],
      ] as const) {
        const body = await expectRpcError(
          rpc.get('ListJobGroups', { ...own, PageNumber: 1, PageSize: 10, ...params }),
          'InvalidParameter',
          400,
        );
        expect(body.Message).toContain(`"${field}"`);
      }
      await expectRpcError(rpc.get('ListJobGroups', { ...own, PageSize: 10 }), 'MissingPageNumber', 400);
    });
  });
}
