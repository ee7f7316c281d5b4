// biome-ignore-all lint/suspicious/noTemplateCurlyInString: prompts hold ${name} variable references
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScript, updateScript } from '../../../../src/service/catalog/index.js';
import { createInstance } from '../../../../src/service/createInstance.js';
import { reminderSource } from '../../../support/scriptSources.js';
import { startTestServer, type TestServer } from '../../../support/testServer.js';
import { TEST_DIALECTS } from '../../../support/testStore.js';
import { expectRpcError, jobJson, type Rpc, rpcFor } from './rpcTestClient.js';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: scripts through the Alibaba face`, () => {
    let s: TestServer;
    let rpc: Rpc;
    let own: { InstanceId: string };
    beforeAll(async () => {
      s = await startTestServer(dialect);
      rpc = rpcFor(s);
      own = { InstanceId: s.instanceId };
    });
    afterAll(() => s.close());

    it('PublishScript publishes the latest version: DRAFTED before, PUBLISHED after', async () => {
      const script = await createScript(s.deps, { instanceId: s.instanceId, source: reminderSource() });
      const before = (await rpc.get('DescribeScript', { ...own, ScriptId: script.id })).Script;
      expect(before).toMatchObject({ ScriptId: script.id, Status: 'DRAFTED', IsDrafted: true });

      const body = await rpc.post('PublishScript', { ...own, ScriptId: script.id, Description: '第一次发布' });
      expect(body).toMatchObject({ Success: true, Code: 'OK', Message: 'Success', HttpStatusCode: 200 });
      expect(body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
      const after = (await rpc.get('DescribeScript', { ...own, ScriptId: script.id })).Script;
      expect(after).toMatchObject({ Status: 'PUBLISHED', DebugStatus: 'PUBLISHED', IsDrafted: false });
      const listed = await rpc.get('ListScripts', { ...own, PageNumber: 1, PageSize: 100 });
      const item = listed.Scripts.List.find((x: { ScriptId: string }) => x.ScriptId === script.id);
      expect(item).toMatchObject({ Status: 'PUBLISHED' });
    });

    it('PublishScript refuses what is missing or not the caller’s', async () => {
      await expectRpcError(rpc.get('PublishScript', own), 'MissingScriptId', 400);
      await expectRpcError(rpc.get('PublishScript', { ...own, ScriptId: 'no-such-script' }), 'NotExist.Script', 404);
      const stranger = await createInstance(s.deps, { name: 'Stranger' });
      const theirs = await createScript(s.deps, { instanceId: stranger.id, source: reminderSource() });
      await expectRpcError(rpc.get('PublishScript', { ...own, ScriptId: theirs.id }), 'NotExist.Script', 404);
      await expectRpcError(
        rpc.get('PublishScript', { InstanceId: stranger.id, ScriptId: theirs.id }),
        'Forbidden.NoPermission',
        403,
      );
    });

    it('a group runs the version published when it was created; DescribeJobGroup tells it as ScriptVersion', async () => {
      const script = await createScript(s.deps, { instanceId: s.instanceId, source: reminderSource() });
      const draft = await expectRpcError(
        rpc.post('CreateJobGroup', { ...own, JobGroupName: 'too early', ScriptId: script.id }),
        'InvalidParameter',
        400,
      );
      expect(draft.Message).toContain('ScriptId');
      await rpc.post('PublishScript', { ...own, ScriptId: script.id });
      const g = (await rpc.post('CreateJobGroup', { ...own, JobGroupName: 'reminders', ScriptId: script.id })).JobGroup;
      expect(g.ScriptVersion).toBe('1');

      await updateScript(s.deps, s.instanceId, script.id, {
        source: reminderSource({ say: 'v2 ${amount} ${dueDate}' }),
      });
      await rpc.post('PublishScript', { ...own, ScriptId: script.id });
      const described = (await rpc.get('DescribeJobGroup', { ...own, JobGroupId: g.JobGroupId })).JobGroup;
      expect(described).toMatchObject({ ScriptId: script.id, ScriptVersion: '1' });
      const plain = (await rpc.post('CreateJobGroup', { ...own, JobGroupName: 'no script' })).JobGroup;
      expect(plain.ScriptVersion).toBe('');

      const again = (
        await rpc.post('ModifyJobGroup', { ...own, JobGroupId: g.JobGroupId, Name: 'reminders', ScriptId: script.id })
      ).JobGroup;
      expect(again.ScriptVersion).toBe('2');
    });

    it('AssignJobs refuses a job lacking a variable the script needs, naming the JobsJson element', async () => {
      const script = await createScript(s.deps, { instanceId: s.instanceId, source: reminderSource() });
      await rpc.post('PublishScript', { ...own, ScriptId: script.id });
      const g = (await rpc.post('CreateJobGroup', { ...own, JobGroupName: 'vars', ScriptId: script.id })).JobGroup;
      const lacking = JSON.stringify({
        referenceId: 'lacking',
        contacts: [{ phoneNumber: '13800138099' }],
        extras: [{ key: 'amount', value: '1' }],
      });
      const e = await expectRpcError(
        rpc.post('AssignJobs', { ...own, JobGroupId: g.JobGroupId, JobsJson: [jobJson(1), lacking] }),
        'InvalidParameter',
        400,
      );
      expect(e.Message).toMatch(/^JobsJson\.2\.extras\.dueDate: .*'dueDate'/);
      const ok = await rpc.post('AssignJobs', { ...own, JobGroupId: g.JobGroupId, JobsJson: [jobJson(1)] });
      expect(ok.JobsId).toHaveLength(1);
    });
  });
}
