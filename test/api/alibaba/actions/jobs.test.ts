import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../../../src/core/clock.js';
import { SERVER_T0, startTestServer, type TestServer } from '../../../support/testServer.js';
import { TEST_DIALECTS } from '../../../support/testStore.js';
import { expectRpcError, jobJson, type Rpc, rpcFor } from './rpcTestClient.js';

const REFS = ['a', 'b', 'c', 'd', 'e', 'f'];

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: job actions`, () => {
    let s: TestServer;
    let rpc: Rpc;
    let own: { InstanceId: string };
    /** A group dialling a month from now, so its jobs wait. */
    const laterGroup = async () =>
      (
        await rpc.post('CreateJobGroup', {
          ...own,
          JobGroupName: 'later',
          StrategyJson: JSON.stringify({ startTime: SERVER_T0 + 30 * DAY, endTime: SERVER_T0 + 40 * DAY }),
        })
      ).JobGroup.JobGroupId as string;
    const statuses = async (groupId: string) => {
      const body = await rpc.get('ListJobsByGroup', { ...own, JobGroupId: groupId, PageNumber: 1, PageSize: 100 });
      return Object.fromEntries(
        body.Jobs.List.map((j: { ReferenceId: string; Status: string }) => [j.ReferenceId, j.Status]),
      );
    };
    beforeAll(async () => {
      s = await startTestServer(dialect);
      rpc = rpcFor(s);
      own = { InstanceId: s.instanceId };
    });
    afterAll(() => s.close());

    it('CancelJobs, SuspendJobs and ResumeJobs by JobId.N, JobReferenceId.N and All', async () => {
      const groupId = await laterGroup();
      const { JobsId: ids } = await rpc.post('AssignJobs', {
        ...own,
        JobGroupId: groupId,
        JobsJson: REFS.map((r, i) => jobJson(i, { referenceId: r })),
      });

      const suspended = await rpc.get('SuspendJobs', { ...own, All: false, JobId: [ids[0], ids[1]] });
      expect(Object.keys(suspended).sort()).toEqual(['Code', 'HttpStatusCode', 'Message', 'RequestId', 'Success']);
      expect(await statuses(groupId)).toMatchObject({ a: 'Paused', b: 'Paused', c: 'Scheduling' });

      await rpc.post('ResumeJobs', { ...own, All: false, JobId: [ids[0]] });
      await rpc.post('SuspendJobs', { ...own, All: false, JobGroupId: groupId, JobReferenceId: ['c', 'd'] });
      expect(await statuses(groupId)).toEqual({
        a: 'Scheduling',
        b: 'Paused',
        c: 'Paused',
        d: 'Paused',
        e: 'Scheduling',
        f: 'Scheduling',
      });

      await rpc.get('ResumeJobs', { ...own, All: true, JobGroupId: groupId });
      expect(Object.values(await statuses(groupId)).every((st) => st === 'Scheduling')).toBe(true);

      await rpc.get('CancelJobs', { ...own, All: false, JobReferenceId: ['e'], JobId: [ids[5]] });
      expect(await statuses(groupId)).toMatchObject({ e: 'Cancelled', f: 'Cancelled', a: 'Scheduling' });

      await rpc.post('CancelJobs', { ...own, All: true, JobGroupId: groupId });
      expect(Object.values(await statuses(groupId)).every((st) => st === 'Cancelled')).toBe(true);
      const g = await rpc.get('DescribeJobGroup', { ...own, JobGroupId: groupId });
      expect(g.JobGroup.Status).toBe('Completed');
      expect(g.JobGroup.Progress).toMatchObject({ TotalJobs: 6, Cancelled: 6, TotalCompleted: 6 });
    });

    it('job commands name the parameter that is wrong', async () => {
      const groupId = await laterGroup();
      const { JobsId: ids } = await rpc.post('AssignJobs', { ...own, JobGroupId: groupId, JobsJson: [jobJson(1)] });
      await expectRpcError(rpc.get('CancelJobs', { ...own, JobId: [ids[0]] }), 'MissingAll', 400);
      const none = await expectRpcError(rpc.get('SuspendJobs', { ...own, All: false }), 'InvalidParameter', 400);
      expect(none.Message).toMatch(/^JobId:/);
      const unknown = await expectRpcError(
        rpc.get('ResumeJobs', { ...own, All: false, JobId: [ids[0], 'no-such-job'] }),
        'NotExist.Job',
        404,
      );
      expect(unknown.Recommend).toContain('JobId.2');
      const notBool = await expectRpcError(
        rpc.get('CancelJobs', { ...own, All: 'yes', JobId: [ids[0]] }),
        'InvalidParameter',
        400,
      );
      expect(notBool.Message).toContain('"All"');
      expect(Object.values(await statuses(groupId))).toEqual(['Scheduling']);
    });

    it('AssignJobs takes 99 JobsJson.N over GET (a URL over 16 KiB), and refuses 100', async () => {
      const groupId = await laterGroup();
      const jobs = Array.from({ length: 99 }, (_, i) => jobJson(i));
      const flat = Object.fromEntries(jobs.map((j, i) => [`JobsJson.${i + 1}`, j]));
      const signed = rpc.signed('GET', 'AssignJobs', { ...own, JobGroupId: groupId, ...flat });
      expect(new URLSearchParams(signed).toString().length).toBeGreaterThan(16 * 1024);

      const body = await rpc.get('AssignJobs', { ...own, JobGroupId: groupId, JobsJson: jobs });
      expect(body.JobsId).toHaveLength(99);
      const sent = await rpc.send('GET', signed);
      expect(sent.status).toBe(400);
      expect(sent.body.Code).toBe('InvalidParameter');
      expect(sent.body.Message).toContain('JobsJson.1.referenceId');

      const tooMany = await expectRpcError(
        rpc.post('AssignJobs', { ...own, JobGroupId: groupId, JobsJson: [...jobs, jobJson(99)] }),
        'InvalidParameter',
        400,
      );
      expect(tooMany.Message).toContain('"JobsJson"');
      expect(tooMany.Message).toContain('99');
    });

    it('a rejected AssignJobs writes nothing and names the JobsJson element at fault', async () => {
      const groupId = await laterGroup();
      await rpc.post('AssignJobs', { ...own, JobGroupId: groupId, JobsJson: [jobJson(0, { referenceId: 'kept' })] });
      const batch = Array.from({ length: 25 }, (_, i) => jobJson(i + 1));
      const cases: [Record<string, unknown>, string, string][] = [
        [
          { JobsJson: batch.map((j, i) => (i === 2 ? jobJson(3, { phone: 'not-a-phone' }) : j)) },
          'InvalidParameter',
          'JobsJson.3.contacts[0].phoneNumber',
        ],
        [{ JobsJson: batch.map((j, i) => (i === 1 ? '{"contacts": [' : j)) }, 'InvalidParameter', 'JobsJson.2'],
        [{ JobsJson: [...batch, jobJson(0, { referenceId: 'kept' })] }, 'InvalidParameter', 'JobsJson.26.referenceId'],
        [
          { JobsJson: batch, StrategyJson: '{"maxAttemptsPerDay": 0}' },
          'InvalidParameter',
          'StrategyJson.maxAttemptsPerDay',
        ],
        [{ JobsJson: batch, CallingNumber: ['0000'] }, 'InvalidParameter', 'CallingNumber.1'],
        [{ JobsJson: batch, RosterType: 'excel' }, 'InvalidParameter', 'RosterType'],
        [{}, 'MissingJobsJson', 'JobsJson'],
      ];
      for (const [params, code, field] of cases) {
        const body = await expectRpcError(
          rpc.post('AssignJobs', { ...own, JobGroupId: groupId, ...params }),
          code,
          400,
        );
        expect(body.Message).toContain(field);
      }
      expect(await statuses(groupId)).toEqual({ kept: 'Scheduling' });
      const g = await rpc.get('DescribeJobGroup', { ...own, JobGroupId: groupId });
      expect(g.JobGroup.Progress.TotalJobs).toBe(1);
    });

    it('DescribeJob, ListJobs and ListJobsByGroup check their parameters', async () => {
      const groupId = await laterGroup();
      const { JobsId: ids } = await rpc.post('AssignJobs', {
        ...own,
        JobGroupId: groupId,
        JobsJson: [jobJson(1), jobJson(2)],
        StrategyJson: JSON.stringify({ startTime: SERVER_T0 + 35 * DAY }),
      });
      const { Job } = await rpc.get('DescribeJob', { ...own, JobId: ids[0], WithScript: true });
      expect(Job).toMatchObject({
        JobId: ids[0],
        Status: 'Scheduling',
        Tasks: [],
        NextExecutionTime: SERVER_T0 + 35 * DAY,
      });
      await expectRpcError(rpc.get('DescribeJob', { ...own, JobId: 'no-such-job' }), 'NotExist.Job', 404);
      await expectRpcError(rpc.get('DescribeJob', own), 'MissingJobId', 400);
      await expectRpcError(rpc.get('ListJobs', own), 'MissingJobId', 400);
      const many = Array.from({ length: 100 }, (_, i) => `id-${i}`);
      await expectRpcError(rpc.post('ListJobs', { ...own, JobId: many }), 'InvalidParameter', 400);

      const page = (params: Record<string, unknown>) =>
        rpc.get('ListJobsByGroup', { ...own, JobGroupId: groupId, PageNumber: 1, PageSize: 10, ...params });
      expect((await page({ JobStatus: 'Scheduling' })).Jobs.TotalCount).toBe(2);
      expect((await page({ JobStatus: 'Drafted' })).Jobs.TotalCount).toBe(0);
      expect((await page({ JobFailureReason: 'NoAnswer' })).Jobs.TotalCount).toBe(0);
      const bad = await expectRpcError(page({ JobStatus: 'Done' }), 'InvalidParameter', 400);
      expect(bad.Message).toContain('"JobStatus"');
      await expectRpcError(page({ PageSize: 500 }), 'InvalidParameter', 400);
      await expectRpcError(
        rpc.get('ListJobsByGroup', { ...own, PageNumber: 1, PageSize: 10 }),
        'MissingJobGroupId',
        400,
      );
      const phone = await expectRpcError(
        rpc.get('QueryJobs', { ...own, PageNumber: 1, PageSize: 10, PhoneNumber: 'abc' }),
        'InvalidParameter',
        400,
      );
      expect(phone.Message).toMatch(/^PhoneNumber:/);
      const text = await expectRpcError(
        rpc.get('QueryJobsWithResult', { ...own, JobGroupId: groupId, QueryText: 'abc' }),
        'InvalidParameter',
        400,
      );
      expect(text.Message).toMatch(/^QueryText:/);
    });
  });
}
