import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstance } from '../../../../src/service/createInstance.js';
import { startTestServer, type TestServer } from '../../../support/testServer.js';
import { TEST_DIALECTS } from '../../../support/testStore.js';
import { expectRpcError, type Rpc, rpcFor } from './rpcTestClient.js';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: system policy actions`, () => {
    let s: TestServer;
    let rpc: Rpc;
    let own: { InstanceId: string };
    let entry: { EntryId: string };
    const restPolicy = async () => (await s.call('GET', '/v1/policy')).body;
    beforeAll(async () => {
      s = await startTestServer(dialect);
      rpc = rpcFor(s);
      own = { InstanceId: s.instanceId };
      entry = { EntryId: s.instanceId };
    });
    afterAll(() => s.close());

    it('SaveContactBlockList stores the JSON entries; GetContactBlockList pages them; Delete removes one by its id', async () => {
      const saved = await rpc.post('SaveContactBlockList', {
        ...own,
        ContactBlockListsJson: JSON.stringify([
          { phoneNumber: '13800138000', remark: 'complained', name: '张三', creator: 'ops' },
          { phoneNumber: '13800138001', remark: '' },
          { phoneNumber: '139*' },
        ]),
      });
      expect(saved).toMatchObject({ Success: true, Code: 'OK', AffectedRows: 3 });

      const page = await rpc.post('GetContactBlockList', { ...own, PageNumber: 1, PageSize: 2, CountTotalRow: true });
      expect(page.ContactBlocklistList).toEqual({
        PageNumber: 1,
        PageSize: 2,
        TotalCount: 3,
        List: [
          {
            ContactBlockListId: '+8613800138000',
            InstanceId: s.instanceId,
            PhoneNumber: '+8613800138000',
            Remark: 'complained',
            CreationTime: s.clock.now(),
            Name: '',
            Creator: '',
            Operator: '',
          },
          expect.objectContaining({ ContactBlockListId: '+8613800138001', Remark: '' }),
        ],
      });
      const second = await rpc.get('GetContactBlockList', { ...own, PageNumber: 2, PageSize: 2 });
      expect(second.ContactBlocklistList.List.map((e: { PhoneNumber: string }) => e.PhoneNumber)).toEqual(['+86139*']);
      const searched = await rpc.get('GetContactBlockList', {
        ...own,
        PageNumber: 1,
        PageSize: 10,
        SearchPattern: '1380013800',
      });
      expect(searched.ContactBlocklistList.TotalCount).toBe(2);
      // The same list REST shows.
      expect((await s.call('GET', '/v1/block-list')).body.items).toHaveLength(3);

      const id = page.ContactBlocklistList.List[0].ContactBlockListId;
      expect(
        await rpc.post('DeleteContactBlockList', { ...own, ContactBlockListId: id, Operator: 'ops' }),
      ).toMatchObject({
        AffectedRows: 1,
      });
      expect((await rpc.post('DeleteContactBlockList', { ...own, ContactBlockListId: id })).AffectedRows).toBe(0);
      expect(
        (await rpc.get('GetContactBlockList', { ...own, PageNumber: 1, PageSize: 10 })).ContactBlocklistList.TotalCount,
      ).toBe(2);
    });

    it('takes the deprecated repeat list too, as JSON objects or bare numbers', async () => {
      const saved = await rpc.post('SaveContactBlockList', {
        ...own,
        'ContactBlockListList.1': JSON.stringify({ phoneNumber: '13700000001', remark: 'old SDK' }),
        'ContactBlockListList.2': '13700000002',
      });
      expect(saved.AffectedRows).toBe(2);
      const found = await rpc.get('GetContactBlockList', { ...own, PageNumber: 1, PageSize: 10, SearchPattern: '137' });
      expect(
        found.ContactBlocklistList.List.map((e: { PhoneNumber: string; Remark: string }) => [e.PhoneNumber, e.Remark]),
      ).toEqual([
        ['+8613700000001', 'old SDK'],
        ['+8613700000002', ''],
      ]);
    });

    it('refuses bad block-list input naming the parameter, and stores nothing', async () => {
      const count = async () =>
        (await rpc.get('GetContactBlockList', { ...own, PageNumber: 1, PageSize: 10 })).ContactBlocklistList.TotalCount;
      const before = await count();
      await expectRpcError(rpc.post('SaveContactBlockList', own), 'MissingContactBlockListsJson', 400);
      const notJson = await expectRpcError(
        rpc.post('SaveContactBlockList', { ...own, ContactBlockListsJson: '[{' }),
        'InvalidParameter',
        400,
      );
      expect(notJson.Message).toContain('ContactBlockListsJson');
      const badNumber = await expectRpcError(
        rpc.post('SaveContactBlockList', {
          ...own,
          ContactBlockListsJson: JSON.stringify([{ phoneNumber: '13600000001' }, { phoneNumber: 'call me' }]),
        }),
        'InvalidParameter',
        400,
      );
      expect(badNumber.Message).toContain('ContactBlockListsJson[1]');
      await expectRpcError(
        rpc.post('SaveContactBlockList', { ...own, ContactBlockListsJson: '{"phoneNumber":"13600000001"}' }),
        'InvalidParameter',
        400,
      );
      await expectRpcError(rpc.post('DeleteContactBlockList', own), 'MissingContactBlockListId', 400);
      const badId = await expectRpcError(
        rpc.post('DeleteContactBlockList', { ...own, ContactBlockListId: 'not-an-id' }),
        'InvalidParameter',
        400,
      );
      expect(badId.Message).toContain('ContactBlockListId');
      await expectRpcError(
        rpc.get('GetContactBlockList', { ...own, PageNumber: 0, PageSize: 10 }),
        'InvalidParameter',
        400,
      );
      const other = await createInstance(s.deps, { name: 'Other tenant' });
      await expectRpcError(
        rpc.post('SaveContactBlockList', {
          InstanceId: other.id,
          ContactBlockListsJson: '[{"phoneNumber":"13600000002"}]',
        }),
        'Forbidden.NoPermission',
        403,
      );
      expect(await count()).toBe(before);
    });

    it('the white list actions keep a list of their own', async () => {
      const saved = await rpc.post('SaveContactWhiteList', {
        ...own,
        ContactWhiteListsJson: JSON.stringify([{ phoneNumber: '13500000001', remark: 'QA phone' }]),
      });
      expect(saved.AffectedRows).toBe(1);
      const listed = await rpc.get('GetContactWhiteList', { ...own, PageNumber: 1, PageSize: 10 });
      expect(listed.ContactWhitelistList).toMatchObject({ TotalCount: 1 });
      expect(listed.ContactWhitelistList.List[0]).toMatchObject({
        ContactWhiteListId: '+8613500000001',
        PhoneNumber: '+8613500000001',
        Remark: 'QA phone',
      });
      expect((await s.call('GET', '/v1/allow-list')).body.items.map((e: { pattern: string }) => e.pattern)).toEqual([
        '+8613500000001',
      ]);
      expect(
        (await rpc.get('GetContactBlockList', { ...own, PageNumber: 1, PageSize: 10, SearchPattern: '135' }))
          .ContactBlocklistList.TotalCount,
      ).toBe(0);
      const removed = await rpc.post('DeleteContactWhiteList', { ...own, ContactWhiteListId: '+8613500000001' });
      expect(removed.AffectedRows).toBe(1);
      await expectRpcError(rpc.post('SaveContactWhiteList', own), 'MissingContactWhiteListsJson', 400);
    });

    it('SaveMaxAttemptsPerDay sets the per-number daily limit that GetMaxAttemptsPerDay and REST read', async () => {
      expect(await rpc.post('GetMaxAttemptsPerDay', entry)).not.toHaveProperty('MaxAttemptsPerDay');
      await rpc.post('SaveMaxAttemptsPerDay', { ...entry, MaxAttemptsPerDay: 2, StrategyLevel: 2 });
      expect((await rpc.post('GetMaxAttemptsPerDay', { ...entry, StrategyLevel: 2 })).MaxAttemptsPerDay).toBe(2);
      expect((await restPolicy()).effective.perNumber.perLocalDay).toBe(2);
      // Absent, the vendor's default of 3.
      await rpc.post('SaveMaxAttemptsPerDay', entry);
      expect((await rpc.get('GetMaxAttemptsPerDay', entry)).MaxAttemptsPerDay).toBe(3);

      await expectRpcError(rpc.post('SaveMaxAttemptsPerDay', { MaxAttemptsPerDay: 2 }), 'MissingEntryId', 400);
      await expectRpcError(
        rpc.post('SaveMaxAttemptsPerDay', { ...entry, MaxAttemptsPerDay: 0 }),
        'InvalidParameter',
        400,
      );
      await expectRpcError(rpc.post('SaveMaxAttemptsPerDay', { ...entry, StrategyLevel: 0 }), 'InvalidParameter', 400);
      await expectRpcError(rpc.post('GetMaxAttemptsPerDay', { EntryId: 'no-such-instance' }), 'NotExist.Instance', 404);
      expect((await rpc.get('GetMaxAttemptsPerDay', entry)).MaxAttemptsPerDay).toBe(3);
    });

    it('SaveBaseStrategyPeriod sets the calling hours, leaving other rules; GetBaseStrategyPeriod reads them back', async () => {
      await rpc.post('SaveBaseStrategyPeriod', {
        ...entry,
        OnlyWeekdays: true,
        WorkingTimeFramesJson: JSON.stringify([
          { beginTime: '14:00:00', endTime: '20:30:00' },
          { beginTime: '09:00:00', endTime: '12:00:00' },
        ]),
      });
      const read = await rpc.get('GetBaseStrategyPeriod', entry);
      expect(read).toMatchObject({
        OnlyWeekdays: true,
        OnlyWorkdays: false,
        WorkingTime: [
          { BeginTime: '09:00:00', EndTime: '12:00:00', BeginTimeMillis: 9 * 3_600_000, EndTimeMillis: 12 * 3_600_000 },
          {
            BeginTime: '14:00:00',
            EndTime: '20:30:00',
            BeginTimeMillis: 14 * 3_600_000,
            EndTimeMillis: 20.5 * 3_600_000,
          },
        ],
      });
      const policy = await restPolicy();
      expect(policy.settings.basePeriod).toEqual({
        days: [1, 2, 3, 4, 5],
        windows: [
          { begin: '09:00', end: '12:00' },
          { begin: '14:00', end: '20:30' },
        ],
      });
      expect(policy.settings.perNumber.perLocalDay).toBe(3);

      // Every day when OnlyWeekdays is false; no windows then removes the rule.
      await rpc.post('SaveBaseStrategyPeriod', {
        ...entry,
        OnlyWeekdays: false,
        WorkingTimeFramesJson: '[{"beginTime":"08:00:00","endTime":"21:00:00"}]',
      });
      expect((await restPolicy()).settings.basePeriod.days).toEqual([0, 1, 2, 3, 4, 5, 6]);
      await rpc.post('SaveBaseStrategyPeriod', { ...entry, WorkingTimeFramesJson: '[]' });
      expect((await rpc.get('GetBaseStrategyPeriod', entry)).WorkingTime).toEqual([]);
      expect((await restPolicy()).settings).not.toHaveProperty('basePeriod');
    });

    it('SaveBaseStrategyPeriod refuses what it cannot keep, naming the parameter', async () => {
      const frames = (f: unknown) => ({ ...entry, WorkingTimeFramesJson: JSON.stringify(f) });
      await expectRpcError(rpc.post('SaveBaseStrategyPeriod', entry), 'MissingWorkingTimeFramesJson', 400);
      const holidays = await expectRpcError(
        rpc.post('SaveBaseStrategyPeriod', { ...frames([]), OnlyWorkdays: true }),
        'InvalidParameter',
        400,
      );
      expect(holidays.Message).toContain('OnlyWorkdays');
      const seconds = await expectRpcError(
        rpc.post('SaveBaseStrategyPeriod', frames([{ beginTime: '09:00:30', endTime: '12:00:00' }])),
        'InvalidParameter',
        400,
      );
      expect(seconds.Message).toContain('WorkingTimeFramesJson[0].beginTime');
      const backwards = await expectRpcError(
        rpc.post('SaveBaseStrategyPeriod', frames([{ beginTime: '21:00:00', endTime: '08:00:00' }])),
        'InvalidParameter',
        400,
      );
      expect(backwards.Message).toContain('WorkingTimeFramesJson[0].end');
      await expectRpcError(
        rpc.post('SaveBaseStrategyPeriod', { ...entry, WorkingTimeFramesJson: '{}' }),
        'InvalidParameter',
        400,
      );
    });

    it('the empty-number switch turns the rule on (90 days) and off', async () => {
      expect((await rpc.get('GetEmptyNumberNoMoreCallsInfo', entry)).EmptyNumberNoMoreCalls).toBe(false);
      await rpc.post('ModifyEmptyNumberNoMoreCallsInfo', { ...entry, EmptyNumberNoMoreCalls: true });
      expect((await rpc.get('GetEmptyNumberNoMoreCallsInfo', entry)).EmptyNumberNoMoreCalls).toBe(true);
      expect((await restPolicy()).effective.emptyNumberDays).toBe(90);
      await rpc.post('ModifyEmptyNumberNoMoreCallsInfo', { ...entry, EmptyNumberNoMoreCalls: false });
      expect((await rpc.get('GetEmptyNumberNoMoreCallsInfo', entry)).EmptyNumberNoMoreCalls).toBe(false);
      expect((await restPolicy()).effective.emptyNumberDays).toBe(0);
      await expectRpcError(rpc.post('ModifyEmptyNumberNoMoreCallsInfo', entry), 'MissingEmptyNumberNoMoreCalls', 400);
      await expectRpcError(
        rpc.post('ModifyEmptyNumberNoMoreCallsInfo', { ...entry, EmptyNumberNoMoreCalls: 'yes' }),
        'InvalidParameter',
        400,
      );
    });
  });
}
