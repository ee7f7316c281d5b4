// biome-ignore-all lint/suspicious/noTemplateCurlyInString: prompts hold ${name} variable references
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../src/core/virtualClock.js';
import { assignJobs } from '../../../src/service/assignJobs.js';
import { createScript } from '../../../src/service/catalog/createScript.js';
import { publishScript } from '../../../src/service/catalog/publishScript.js';
import { updateScript } from '../../../src/service/catalog/updateScript.js';
import { createInstance } from '../../../src/service/createInstance.js';
import { createJobGroup } from '../../../src/service/createJobGroup.js';
import { createLineGroup } from '../../../src/service/createLineGroup.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { importJobsCsv } from '../../../src/service/importJobs/importJobsCsv.js';
import { testIds } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { reminderSource } from '../../support/scriptSources.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);

const job = (i: number, extras: Record<string, string>) => ({
  referenceId: `r${i}`,
  contacts: [{ phoneNumber: `1380013800${i}` }],
  extras: Object.entries(extras).map(([key, value]) => ({ key, value })),
});

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: the variables a group's script needs from each job`, () => {
    let t: TestStore;
    let deps: ServiceDeps;
    let instanceId: string;
    let lineGroupIds: string[];
    let scriptId: string;
    let groupId: string;
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
      scriptId = (await createScript(deps, { instanceId, source: reminderSource() })).id;
      await publishScript(deps, instanceId, scriptId);
      groupId = (await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds, scriptId })).id;
    });
    afterEach(() => t.drop());

    const jobCount = async () => (await t.db.selectFrom('job').select('id').execute()).length;

    it('refuses a batch whose job lacks a variable without fallback, naming the job and the variable', async () => {
      const good = { amount: '$10', dueDate: 'March 1' };
      const e = await rejection(
        assignJobs(deps, { jobGroupId: groupId, jobs: [job(0, good), job(1, { amount: '$20' }), job(2, {})] }),
      );
      expect([e.code, e.details.field]).toEqual(['MISSING_VARIABLE', 'jobs[1].extras.dueDate']);
      expect(e.message).toContain("'dueDate'");
      const empty = await rejection(assignJobs(deps, { jobGroupId: groupId, jobs: [job(0, { ...good, amount: '' })] }));
      expect(empty.details.field).toBe('jobs[0].extras.amount');
      expect(await jobCount()).toBe(0);

      // `name` has a fallback, so a job need not give it.
      const done = await assignJobs(deps, {
        jobGroupId: groupId,
        jobs: [job(0, good), job(1, { ...good, name: 'Ann' })],
      });
      expect(done.jobIds).toHaveLength(2);
    });

    it('asks for the variables of the version the group runs, not of a later one', async () => {
      const needsMore = reminderSource({ say: 'Hello, ${amount} since ${dueDate}, ref ${account}' }).replace(
        '  - name: dueDate\n',
        '  - name: dueDate\n  - name: account\n',
      );
      await updateScript(deps, instanceId, scriptId, { source: needsMore });
      await publishScript(deps, instanceId, scriptId);
      const good = { amount: '$10', dueDate: 'March 1' };
      expect((await assignJobs(deps, { jobGroupId: groupId, jobs: [job(0, good)] })).jobIds).toHaveLength(1);
      const repinned = await createJobGroup(deps, { instanceId, name: 'v2', lineGroupIds, scriptId });
      const e = await rejection(assignJobs(deps, { jobGroupId: repinned.id, jobs: [job(0, good)] }));
      expect(e.details.field).toBe('jobs[0].extras.account');
      const plain = await createJobGroup(deps, { instanceId, name: 'no script', lineGroupIds });
      expect((await assignJobs(deps, { jobGroupId: plain.id, jobs: [job(0, {})] })).jobIds).toHaveLength(1);
    });

    it('a CSV import rejects the rows that leave a variable empty and keeps the others', async () => {
      const csv =
        'phoneNumber,amount,dueDate\n13800138000,$10,March 1\n13800138001,,March 2\n13800138002,$30,March 3\n';
      const report = await importJobsCsv(deps, {
        instanceId,
        jobGroupId: groupId,
        csv: Readable.from([csv]),
        mapping: { phoneNumber: 'phoneNumber' },
      });
      expect(report).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
      expect(report.errors).toEqual([
        { row: 3, field: 'amount', code: 'MISSING_VARIABLE', message: expect.stringContaining("variable 'amount'") },
      ]);
    });

    it('a CSV import without a column for a needed variable is refused before any row is stored', async () => {
      const csv = 'phoneNumber,amount\n13800138000,$10\n';
      const e = await rejection(
        importJobsCsv(deps, {
          instanceId,
          jobGroupId: groupId,
          csv: Readable.from([csv]),
          mapping: { phoneNumber: 'phoneNumber' },
        }),
      );
      expect([e.code, e.details.field]).toEqual(['MISSING_VARIABLE', 'extras.dueDate']);
      expect(await jobCount()).toBe(0);
    });
  });
}
