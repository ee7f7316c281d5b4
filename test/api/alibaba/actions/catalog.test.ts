import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createScript, listLineGroups } from '../../../../src/service/catalog/index.js';
import { createInstance } from '../../../../src/service/createInstance.js';
import { greetingScript } from '../../../support/scriptSources.js';
import { SERVER_T0, startTestServer, type TestServer } from '../../../support/testServer.js';
import { TEST_DIALECTS } from '../../../support/testStore.js';
import { expectRpcError, type Rpc, rpcFor } from './rpcTestClient.js';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: instance, script and number actions`, () => {
    let s: TestServer;
    let rpc: Rpc;
    let own: { InstanceId: string };
    beforeAll(async () => {
      s = await startTestServer(dialect);
      rpc = rpcFor(s);
      own = { InstanceId: s.instanceId };
    });
    afterAll(() => s.close());

    it('ListInstances and DescribeInstance show the key’s own instance only', async () => {
      const other = await createInstance(s.deps, { name: 'Other tenant' });
      const capacity = (await listLineGroups(s.deps, s.instanceId)).reduce((n, g) => n + g.capacity, 0);
      const listed = await rpc.get('ListInstances');
      expect(listed).toMatchObject({ PageNumber: 1, PageSize: 10, TotalCount: 1 });
      expect(listed.Instances).toEqual([
        expect.objectContaining({
          InstanceId: s.instanceId,
          InstanceName: 'Demo',
          InstanceDescription: 'created by outdial serve',
          CreationTime: SERVER_T0,
          MaxConcurrentConversation: capacity,
        }),
      ]);
      expect((await rpc.post('ListInstances', { PageNumber: 2, PageSize: 5 })).Instances).toEqual([]);
      const { Instance } = await rpc.post('DescribeInstance', own);
      expect(Instance).toEqual(listed.Instances[0]);
      expect(capacity).toBeGreaterThan(0);
      await expectRpcError(rpc.get('DescribeInstance', { InstanceId: other.id }), 'Forbidden.NoPermission', 403);
      await expectRpcError(rpc.get('DescribeInstance', {}), 'MissingInstanceId', 400);
    });

    it('ListScripts pages newest first; DescribeScript reads one of the instance', async () => {
      await s.clock.advanceBy(60_000);
      const second = await createScript(s.deps, { instanceId: s.instanceId, script: greetingScript('Survey') });
      const first = await rpc.get('ListScripts', { ...own, PageNumber: 1, PageSize: 1 });
      expect(first.Scripts).toMatchObject({ PageNumber: 1, PageSize: 1, TotalCount: 2 });
      expect(first.Scripts.List[0]).toMatchObject({ ScriptId: second.id, ScriptName: 'Survey', IsDrafted: true });
      const next = await rpc.post('ListScripts', { ...own, PageNumber: 2, PageSize: 1 });
      const demo = parse(readFileSync('examples/scripts/debt-reminder.en.yaml', 'utf8'));
      expect(next.Scripts.List[0]).toMatchObject({
        ScriptId: s.scriptId,
        ScriptName: demo.name,
        Industry: demo.industry,
        Scene: demo.scene,
        Status: 'PUBLISHED',
        IsDrafted: false,
      });
      await expectRpcError(rpc.get('ListScripts', { ...own, PageNumber: 1 }), 'MissingPageSize', 400);

      const { Script } = await rpc.get('DescribeScript', { ...own, ScriptId: s.scriptId });
      expect(Script).toEqual(next.Scripts.List[0]);
      const stranger = await createInstance(s.deps, { name: 'Stranger' });
      const theirs = await createScript(s.deps, { instanceId: stranger.id, script: greetingScript('Theirs') });
      await expectRpcError(rpc.get('DescribeScript', { ...own, ScriptId: theirs.id }), 'NotExist.Script', 404);
    });

    it('ListOutboundCallNumbers lists the lines with their group’s call rate', async () => {
      const page = await rpc.get('ListOutboundCallNumbers', { ...own, PageNumber: 1, PageSize: 3 });
      expect(page.OutboundCallNumbers).toMatchObject({ PageNumber: 1, PageSize: 3, TotalCount: 4 });
      expect(page.OutboundCallNumbers.List).toEqual(
        ['02161000001', '02161000002', '02161000003'].map((n) => ({
          OutboundCallNumberId: expect.any(String),
          Number: n,
          RateLimitCount: '5',
          RateLimitPeriod: '1',
        })),
      );
      const rest = await rpc.post('ListOutboundCallNumbers', { ...own, PageNumber: 2, PageSize: 3 });
      expect(rest.OutboundCallNumbers.List.map((l: { Number: string }) => l.Number)).toEqual(['02161000004']);
    });

    it('GetSummaryInfo reports the caller’s instance, leaving others out', async () => {
      const other = await createInstance(s.deps, { name: 'Elsewhere' });
      const zero = { InstanceId: s.instanceId, TotalCallCount: 0, TotalCallTime: 0, UsedRecordingStorageSpace: 0 };
      expect((await rpc.get('GetSummaryInfo')).AgentBotInstanceSummaryList).toEqual([zero]);
      expect(
        (await rpc.post('GetSummaryInfo', { InstanceIdList: [other.id, s.instanceId] })).AgentBotInstanceSummaryList,
      ).toEqual([zero]);
      expect((await rpc.get('GetSummaryInfo', { InstanceIdList: [other.id] })).AgentBotInstanceSummaryList).toEqual([]);
    });
  });
}
