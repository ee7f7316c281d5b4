import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/testServer.js';
import { TEST_DIALECTS } from '../../support/testStore.js';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: CSV upload over REST`, () => {
    let s: TestServer;
    let groupId: string;
    beforeAll(async () => {
      s = await startTestServer(dialect);
      groupId = (await s.call('POST', '/v1/job-groups', { body: { name: 'csv', lineGroupIds: [s.lineGroupId] } })).body
        .id;
    });
    afterAll(() => s.close());

    it('maps columns, stores good rows, reports bad ones by line', async () => {
      const csv =
        '\uFEFF客户编号,手机号,姓名,欠款\r\nA1,13800138000,张三,"1,200"\r\nA2,not-a-number,李四,300\r\nA3,13800138002,王五,50\r\n';
      const q = new URLSearchParams({ 'map.referenceId': '客户编号', 'map.phoneNumber': '手机号', 'map.name': '姓名' });
      const r = await s.call('POST', `/v1/job-groups/${groupId}/jobs/csv?${q}`, {
        raw: csv,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ jobGroupId: groupId, rows: 3, accepted: 2, rejected: 1 });
      expect(r.body.errors).toEqual([expect.objectContaining({ row: 3, code: 'INVALID_PHONE_NUMBER' })]);
      const jobs = (await s.call('GET', `/v1/jobs?jobGroupId=${groupId}`)).body.items;
      expect(jobs.map((j: { referenceId: string }) => j.referenceId)).toEqual(['A1', 'A3']);
      expect(jobs[0].contacts[0].name).toBe('张三');
      expect(jobs[0].extras).toEqual([{ key: '欠款', value: '1,200' }]);
      expect((await s.call('GET', `/v1/job-groups/${groupId}`)).body.status).toBe('Scheduling');
    });

    it('refuses a file without the phone column, naming the mapping, and writes nothing', async () => {
      const r = await s.call('POST', `/v1/job-groups/${groupId}/jobs/csv`, {
        raw: 'name,mobile\nx,13800138009\n',
        headers: { 'content-type': 'text/csv' },
      });
      expect(r.status).toBe(400);
      expect(r.body.error.field).toBe('map.phoneNumber');
      expect((await s.call('GET', `/v1/jobs?jobGroupId=${groupId}`)).body.items).toHaveLength(2);
    });
  });
}
