import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../../src/core/clock.js';
import { runVirtualCampaign } from '../../../src/engine/runVirtualCampaign.js';
import { SERVER_T0, startTestServer, type TestServer } from '../../support/testServer.js';
import { TEST_DIALECTS } from '../../support/testStore.js';

const phones = Array.from({ length: 230 }, (_, i) => `1380013${String(i).padStart(4, '0')}`);

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: a campaign over REST`, () => {
    let s: TestServer;
    let groupId: string;
    beforeAll(async () => {
      s = await startTestServer(dialect);
    });
    afterAll(() => s.close());

    it('creates a group, assigns jobs in bulk, pages through them, runs, and reports progress and tasks', async () => {
      const created = await s.call('POST', '/v1/job-groups', {
        body: {
          name: 'Renewals',
          lineGroupIds: [s.lineGroupId],
          strategy: {
            repeatBy: 'once',
            workingTime: [{ beginTime: '09:00:00', endTime: '18:00:00' }],
            maxAttemptsPerDay: 2,
            minAttemptInterval: 30,
            maxAttempts: 3,
          },
          priority: 'Urgent',
        },
      });
      expect(created.status).toBe(201);
      expect(created.body.status).toBe('Draft');
      expect(created.body.strategy.workingTime).toEqual([{ beginTime: '09:00:00', endTime: '18:00:00' }]);
      groupId = created.body.id;

      const assigned = await s.call('POST', `/v1/job-groups/${groupId}/jobs`, {
        body: {
          jobs: phones.map((phoneNumber, i) => ({
            referenceId: `cust-${i}`,
            contacts: [{ phoneNumber, name: `Customer ${i}` }],
            extras: [{ key: 'amount', value: String(100 + i) }],
          })),
        },
      });
      expect(assigned.status).toBe(201);
      expect(assigned.body.jobIds).toHaveLength(phones.length);
      expect((await s.call('GET', `/v1/job-groups/${groupId}`)).body.status).toBe('Scheduling');

      // Cursor paging returns every job once, in assignment order.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string; referenceId: string }[]; nextCursor: string | null } } =
          await s.call(
            'GET',
            `/v1/jobs?jobGroupId=${groupId}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
        seen.push(...page.body.items.map((j) => j.referenceId));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(phones.map((_, i) => `cust-${i}`));

      const byRef = await s.call('GET', `/v1/jobs?referenceId=cust-7`);
      expect(byRef.body.items).toHaveLength(1);
      const byPhone = await s.call('GET', `/v1/jobs?phoneNumber=${encodeURIComponent(`+86 ${phones[9]}`)}`);
      expect(byPhone.body.items.map((j: { referenceId: string }) => j.referenceId)).toEqual(['cust-9']);

      await runVirtualCampaign({
        engine: s.engine,
        clock: s.clock,
        until: SERVER_T0 + 7 * DAY,
        isDone: () => false,
      });

      const progress = await s.call('GET', `/v1/job-groups/${groupId}/progress`);
      expect(progress.status).toBe(200);
      const p = progress.body;
      expect(p.totalJobs).toBe(phones.length);
      expect(p.jobsByStatus.Scheduling + p.jobsByStatus.Executing).toBe(0);
      expect(p.jobsByStatus.Succeeded + p.jobsByStatus.Failed).toBe(phones.length);
      expect(p.attempts).toBeGreaterThanOrEqual(phones.length);
      expect(p.answered).toBe(p.jobsByStatus.Succeeded);
      expect(p.answerRate).toBeCloseTo(p.answered / p.attempts, 6);
      expect(p.status).toBe('Completed');
      expect(p.finishedAt).toBeTypeOf('number');

      const failed = await s.call('GET', `/v1/jobs?jobGroupId=${groupId}&status=Failed&limit=1000`);
      expect(failed.body.items).toHaveLength(p.jobsByStatus.Failed);
      const one = failed.body.items[0];
      const detail = await s.call('GET', `/v1/jobs/${one.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.tasks.map((t: { attempt: number }) => t.attempt)).toEqual(
        Array.from({ length: detail.body.attempts }, (_, i) => i + 1),
      );
      for (const t of detail.body.tasks) {
        expect(t.status).not.toBe('Executing');
        const local = new Date(t.actualTime + 8 * 3600_000).getUTCHours();
        expect(local).toBeGreaterThanOrEqual(9);
        expect(local).toBeLessThan(18);
      }
    });

    it('pauses, resumes and cancels a group; deletes it when nothing runs', async () => {
      const g = (await s.call('POST', '/v1/job-groups', { body: { name: 'Short', lineGroupIds: [s.lineGroupId] } }))
        .body;
      await s.call('POST', `/v1/job-groups/${g.id}/jobs`, {
        body: {
          jobs: [
            { referenceId: 's1', contacts: [{ phoneNumber: '13900000001' }] },
            { referenceId: 's2', contacts: [{ phoneNumber: '13900000002' }] },
          ],
        },
      });
      const paused = await s.call('POST', `/v1/job-groups/${g.id}/pause`);
      expect(paused.body.status).toBe('Paused');
      const del = await s.call('DELETE', `/v1/job-groups/${groupId}`);
      expect(del.status).toBe(204);
      expect((await s.call('GET', `/v1/job-groups/${groupId}`)).status).toBe(404);
      expect((await s.call('POST', `/v1/job-groups/${g.id}/resume`)).body.status).toBe('Scheduling');
      const cancelled = await s.call('POST', `/v1/job-groups/${g.id}/cancel`);
      expect(cancelled.body.status).toBe('Cancelled');
      const jobs = await s.call('GET', `/v1/jobs?jobGroupId=${g.id}`);
      expect(jobs.body.items.map((j: { status: string }) => j.status)).toEqual(['Cancelled', 'Cancelled']);
      const again = await s.call('POST', `/v1/job-groups/${g.id}/start`);
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('ILLEGAL_TRANSITION');
    });

    it('suspends, resumes and cancels jobs by referenceId', async () => {
      const g = (
        await s.call('POST', '/v1/job-groups', {
          body: {
            name: 'Later',
            lineGroupIds: [s.lineGroupId],
            strategy: { startTime: SERVER_T0 + 30 * DAY, endTime: SERVER_T0 + 40 * DAY },
          },
        })
      ).body;
      await s.call('POST', `/v1/job-groups/${g.id}/jobs`, {
        body: {
          jobs: ['a', 'b', 'c'].map((r, i) => ({ referenceId: r, contacts: [{ phoneNumber: `1370000000${i}` }] })),
        },
      });
      const suspended = await s.call('POST', '/v1/jobs/suspend', {
        body: { jobGroupId: g.id, referenceIds: ['a', 'b'] },
      });
      expect(suspended.body).toEqual({ matched: 2, changed: 2 });
      const paused = await s.call('GET', `/v1/jobs?jobGroupId=${g.id}&status=Paused`);
      expect(paused.body.items.map((j: { referenceId: string }) => j.referenceId).sort()).toEqual(['a', 'b']);
      const resumed = await s.call('POST', '/v1/jobs/resume', { body: { jobGroupId: g.id, all: true } });
      expect(resumed.body.changed).toBe(2);
      const cancelled = await s.call('POST', `/v1/jobs/${paused.body.items[0].id}/cancel`);
      expect(cancelled.body).toEqual({ matched: 1, changed: 1 });
      const unknown = await s.call('POST', '/v1/jobs/cancel', { body: { jobIds: ['nope'] } });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.field).toBe('jobIds[0]');

      const stopped = await s.call('POST', '/v1/jobs/stop-calling', {
        body: { jobGroupId: g.id, referenceIds: ['c'], blockNumbers: true },
      });
      expect(stopped.body).toEqual({ matched: 1, changed: 1 });
      const failed = await s.call('GET', `/v1/jobs?jobGroupId=${g.id}&status=Failed`);
      expect(
        failed.body.items.map((j: { referenceId: string; failureReason: string }) => [j.referenceId, j.failureReason]),
      ).toEqual([['c', 'ContactSuspended']]);
      const block = await s.call('GET', '/v1/block-list');
      expect(block.body.items.map((e: { pattern: string }) => e.pattern)).toEqual(['+8613700000002']);
      const misplaced = await s.call('POST', '/v1/jobs/cancel', { body: { all: true, blockNumbers: true } });
      expect(misplaced.status).toBe(400);
    });
  });
}
