import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignJobs } from '../../../../src/service/assignJobs.js';
import { createInstance } from '../../../../src/service/createInstance.js';
import { createJobGroup } from '../../../../src/service/createJobGroup.js';
import { createLineGroup } from '../../../../src/service/createLineGroup.js';
import { createAccessKey } from '../../../../src/service/credentials/accessKeys.js';
import { startTestServer, type TestServer } from '../../../support/testServer.js';
import { TEST_DIALECTS } from '../../../support/testStore.js';
import { expectRpcError, jobJson, type Rpc, rpcFor, rpcTimestamp } from './rpcTestClient.js';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: who may call what`, () => {
    let s: TestServer;
    let rpc: Rpc;
    let own: { InstanceId: string };
    /** Another tenant with a group, a job and its own AccessKey. */
    let other: { instanceId: string; groupId: string; jobId: string; rpc: Rpc };
    let ownGroupId: string;
    beforeAll(async () => {
      s = await startTestServer(dialect);
      rpc = rpcFor(s);
      own = { InstanceId: s.instanceId };
      const instance = await createInstance(s.deps, { name: 'Other tenant' });
      const lines = await createLineGroup(s.deps, {
        instanceId: instance.id,
        name: 'their lines',
        callingNumbers: ['02188880001'],
      });
      const group = await createJobGroup(s.deps, { instanceId: instance.id, name: 'theirs', lineGroupIds: [lines.id] });
      const assigned = await assignJobs(s.deps, { jobGroupId: group.id, jobs: [jobJson(1)] });
      const key = await createAccessKey(s.deps, s.box, instance.id);
      other = {
        instanceId: instance.id,
        groupId: group.id,
        jobId: assigned.jobIds[0] as string,
        rpc: rpcFor(s, { accessKeyId: key.key.accessKeyId, accessKeySecret: key.accessKeySecret }),
      };
      ownGroupId = (await rpc.post('CreateJobGroup', { ...own, JobGroupName: 'ours' })).JobGroup.JobGroupId;
    });
    afterAll(() => s.close());

    it('a success is HTTP 200 with the vendor envelope, over GET and POST', async () => {
      for (const method of ['GET', 'POST']) {
        const res = await rpc.send(method, rpc.signed(method, 'DescribeJobGroup', { ...own, JobGroupId: ownGroupId }));
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ Success: true, Code: 'OK', Message: 'Success', HttpStatusCode: 200 });
        expect(res.body.JobGroup.JobGroupId).toBe(ownGroupId);
      }
    });

    it('an unknown Action is 404 InvalidApi.NotFound, also for names of Object methods', async () => {
      await expectRpcError(rpc.get('DescribeNothing', own), 'InvalidApi.NotFound', 404);
      for (const action of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
        const res = await rpc.send('GET', rpc.signed('GET', action, own));
        expect(res.status).toBe(404);
        expect(res.body.Code).toBe('InvalidApi.NotFound');
      }
    });

    it('a wrong secret, a reused nonce, a stale timestamp and a revoked key are refused', async () => {
      const forged = rpcFor(s, { accessKeyId: s.accessKeyId, accessKeySecret: 'not-the-secret' });
      const body = await expectRpcError(forged.get('DescribeInstance', own), 'SignatureDoesNotMatch', 403);
      expect(body.Message).toContain('server string to sign is:GET&%2F&');

      const once = rpc.signed('POST', 'DescribeInstance', own);
      expect((await rpc.send('POST', once)).status).toBe(200);
      const replay = await rpc.send('POST', once);
      expect(replay.status).toBe(400);
      expect(replay.body.Code).toBe('SignatureNonceUsed');

      const stale = rpc.signed('GET', 'DescribeInstance', own, {
        overrides: { Timestamp: rpcTimestamp(s.clock.now() - 16 * 60_000) },
      });
      const expired = await rpc.send('GET', stale);
      expect(expired.status).toBe(400);
      expect(expired.body.Code).toBe('InvalidTimeStamp.Expired');

      const created = await s.call('POST', `/v1/instances/${s.instanceId}/access-keys`);
      expect(created.status).toBe(201);
      const second = rpcFor(s, {
        accessKeyId: created.body.accessKeyId,
        accessKeySecret: created.body.accessKeySecret,
      });
      expect((await second.get('DescribeInstance', own)).Instance.InstanceId).toBe(s.instanceId);
      const revoked = await s.call('DELETE', `/v1/instances/${s.instanceId}/access-keys/${created.body.accessKeyId}`);
      expect(revoked.status).toBe(200);
      await expectRpcError(second.get('DescribeInstance', own), 'InvalidAccessKeyId.Inactive', 400);
      expect((await rpc.get('DescribeInstance', own)).Instance.InstanceId).toBe(s.instanceId);
    });

    it("another tenant's InstanceId is 403 Forbidden.NoPermission; an unknown one 404 NotExist.Instance", async () => {
      const theirs = { InstanceId: other.instanceId };
      const calls: [string, Record<string, unknown>][] = [
        ['CreateJobGroup', { ...theirs, JobGroupName: 'x' }],
        ['ListJobGroups', { ...theirs, PageNumber: 1, PageSize: 10 }],
        ['DescribeJobGroup', { ...theirs, JobGroupId: other.groupId }],
        ['AssignJobs', { ...theirs, JobGroupId: other.groupId, JobsJson: [jobJson(2)] }],
        ['CancelJobs', { ...theirs, All: true, JobGroupId: other.groupId }],
        ['DescribeJob', { ...theirs, JobId: other.jobId }],
        ['ListScripts', { ...theirs, PageNumber: 1, PageSize: 10 }],
      ];
      for (const [action, params] of calls) {
        await expectRpcError(rpc.post(action, params), 'Forbidden.NoPermission', 403);
      }
      await expectRpcError(
        rpc.get('ListJobGroups', { InstanceId: 'no-such-instance', PageNumber: 1, PageSize: 10 }),
        'NotExist.Instance',
        404,
      );
      const theirJob = await other.rpc.get('DescribeJob', { ...theirs, JobId: other.jobId });
      expect(theirJob.Job.Status).toBe('Scheduling');
    });

    it("another tenant's JobGroupId or JobId under one's own InstanceId does not exist", async () => {
      const group = { ...own, JobGroupId: other.groupId };
      const calls: [string, Record<string, unknown>][] = [
        ['DescribeJobGroup', group],
        ['ModifyJobGroup', { ...group, Name: 'mine now', JobGroupStatus: 'Paused' }],
        ['DeleteJobGroup', group],
        ['DescribeGroupExecutingInfo', group],
        ['AssignJobs', { ...group, JobsJson: [jobJson(3)] }],
        ['ListJobsByGroup', { ...group, PageNumber: 1, PageSize: 10 }],
        ['QueryJobs', { ...group, PageNumber: 1, PageSize: 10 }],
        ['QueryJobsWithResult', group],
        ['CancelJobs', { ...group, All: true }],
      ];
      for (const [action, params] of calls) {
        await expectRpcError(rpc.get(action, params), 'NotExist.JobGroup', 404);
      }
      await expectRpcError(rpc.get('DescribeJob', { ...own, JobId: other.jobId }), 'NotExist.Job', 404);
      await expectRpcError(rpc.get('SuspendJobs', { ...own, All: false, JobId: [other.jobId] }), 'NotExist.Job', 404);
      expect((await rpc.get('ListJobs', { ...own, JobId: [other.jobId] })).Jobs).toEqual([]);
      await expectRpcError(
        other.rpc.get('DescribeJobGroup', { InstanceId: other.instanceId, JobGroupId: ownGroupId }),
        'NotExist.JobGroup',
        404,
      );
      // Nothing of theirs changed.
      const theirs = await other.rpc.get('DescribeJobGroup', {
        InstanceId: other.instanceId,
        JobGroupId: other.groupId,
      });
      expect(theirs.JobGroup).toMatchObject({ JobGroupName: 'theirs', Status: 'Scheduling' });
      expect(theirs.JobGroup.Progress).toMatchObject({ TotalJobs: 1, Scheduling: 1 });
    });
  });
}
