import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/core/clock.js';
import type { JobGroupStatus } from '../../../src/core/enums.js';
import type { JobGroup } from '../../../src/core/types.js';
import { createVirtualClock, type VirtualClock } from '../../../src/core/virtualClock.js';
import { createInstance } from '../../../src/service/createInstance.js';
import { createJobGroup } from '../../../src/service/createJobGroup.js';
import { createLineGroup } from '../../../src/service/createLineGroup.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { type JobGroupQuery, listJobGroups } from '../../../src/service/jobGroups/listJobGroups.js';
import type { PageRequest } from '../../../src/service/paging.js';
import { testIds } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);

const STATUSES: JobGroupStatus[] = ['Draft', 'Scheduling', 'Paused', 'Completed'];
const NAMES = ['Spring Sale', 'spring renewals', 'Winter 50%_off', 'Debt reminder', 'SPRING cleanup'];

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: listing job groups`, () => {
    let t: TestStore;
    let clock: VirtualClock;
    let deps: ServiceDeps;
    let instanceId: string;
    let mine: JobGroup[];
    beforeEach(async () => {
      t = await openTestStore(dialect);
      clock = createVirtualClock(T0);
      deps = {
        db: t.db,
        caps: t.caps,
        clock,
        newId: testIds(),
        defaultCountry: 'CN',
        defaultTimeZone: 'Asia/Shanghai',
      };
      instanceId = (await createInstance(deps, { name: 'acme' })).id;
      const other = (await createInstance(deps, { name: 'other' })).id;
      const lines = async (inst: string) => [
        (await createLineGroup(deps, { instanceId: inst, name: 'trunk', callingNumbers: ['02100000001'] })).id,
      ];
      const myLines = await lines(instanceId);
      const theirLines = await lines(other);
      mine = [];
      // 23 groups over 8 instants: most instants hold several groups (ties on created_at).
      for (let i = 0; i < 23; i++) {
        clock.set(T0 + Math.floor(i / 3) * MINUTE);
        const g = await createJobGroup(deps, {
          instanceId,
          name: `${NAMES[i % NAMES.length]} #${i}`,
          lineGroupIds: myLines,
        });
        const status = STATUSES[i % STATUSES.length] as JobGroupStatus;
        await t.db.updateTable('job_group').set({ status }).where('id', '=', g.id).execute();
        mine.push({ ...g, status });
        // Another instance's groups at the same instants must never show.
        await createJobGroup(deps, { instanceId: other, name: `Spring ${i}`, lineGroupIds: theirLines });
      }
    });
    afterEach(() => t.drop());

    const newestFirst = (gs: JobGroup[]) =>
      [...gs].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map((g) => g.id);

    async function walkCursor(q: JobGroupQuery, limit: number): Promise<{ ids: string[]; pages: number }> {
      const ids: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      for (;;) {
        const page = await listJobGroups(deps, q, { kind: 'cursor', limit, ...(cursor ? { cursor } : {}) });
        pages++;
        expect(page.items.length).toBeLessThanOrEqual(limit);
        ids.push(...page.items.map((g) => g.id));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
        expect(pages).toBeLessThan(100);
      }
      return { ids, pages };
    }

    async function walkOffset(q: JobGroupQuery, pageSize: number): Promise<{ ids: string[]; totals: number[] }> {
      const ids: string[] = [];
      const totals: number[] = [];
      for (let pageNumber = 1; ; pageNumber++) {
        const page = await listJobGroups(deps, q, { kind: 'offset', pageNumber, pageSize });
        totals.push(page.total ?? -1);
        if (page.items.length === 0) break;
        ids.push(...page.items.map((g) => g.id));
      }
      return { ids, totals };
    }

    it('walks every page by cursor and by page number: newest first, none twice, none skipped', async () => {
      const expected = newestFirst(mine);
      for (const limit of [1, 4, 5, 23, 1000]) {
        const { ids, pages } = await walkCursor({ instanceId }, limit);
        expect(ids).toEqual(expected);
        expect(pages).toBe(Math.max(1, Math.ceil(23 / limit)));
      }
      for (const pageSize of [1, 5, 23, 50]) {
        const { ids, totals } = await walkOffset({ instanceId }, pageSize);
        expect(ids).toEqual(expected);
        expect(new Set(totals)).toEqual(new Set([23]));
      }
    });

    it('filters by status, name (ignoring case, % and _ literal) and creation time, under both paging kinds', async () => {
      const cases: [JobGroupQuery, (g: JobGroup) => boolean][] = [
        [{ instanceId, statuses: ['Paused'] }, (g) => g.status === 'Paused'],
        [{ instanceId, statuses: ['Draft', 'Completed'] }, (g) => g.status === 'Draft' || g.status === 'Completed'],
        [{ instanceId, statuses: [] }, () => false],
        [{ instanceId, search: 'spring' }, (g) => g.name.toLowerCase().includes('spring')],
        [{ instanceId, search: 'SPRING RE' }, (g) => g.name.startsWith('spring renewals')],
        [{ instanceId, search: '50%_' }, (g) => g.name.includes('50%_')],
        [{ instanceId, search: '%' }, (g) => g.name.includes('%')],
        [{ instanceId, search: 'n_w' }, () => false],
        [
          { instanceId, createdFrom: T0 + 2 * MINUTE, createdTo: T0 + 4 * MINUTE },
          (g) => g.createdAt >= T0 + 2 * MINUTE && g.createdAt <= T0 + 4 * MINUTE,
        ],
        [
          { instanceId, statuses: ['Scheduling'], search: 'spring', createdTo: T0 + 5 * MINUTE },
          (g) => g.status === 'Scheduling' && g.name.toLowerCase().includes('spring') && g.createdAt <= T0 + 5 * MINUTE,
        ],
      ];
      for (const [q, keep] of cases) {
        const expected = newestFirst(mine.filter(keep));
        const label = JSON.stringify({ ...q, instanceId: undefined });
        expect((await walkCursor(q, 2)).ids, label).toEqual(expected);
        const offset = await walkOffset(q, 3);
        expect(offset.ids, label).toEqual(expected);
        expect(offset.totals[0], label).toBe(expected.length);
      }
      expect(mine.filter((g) => g.status === 'Paused').length).toBeGreaterThan(0);
    });

    it('another instance sees none of them', async () => {
      const stranger = (await createInstance(deps, { name: 'stranger' })).id;
      const page = await listJobGroups(deps, { instanceId: stranger }, { kind: 'offset', pageNumber: 1, pageSize: 10 });
      expect(page).toEqual({ items: [], total: 0 });
    });

    const badPages: [string, PageRequest, string][] = [
      ['limit 0', { kind: 'cursor', limit: 0 }, 'limit'],
      ['limit 1001', { kind: 'cursor', limit: 1001 }, 'limit'],
      ['limit 2.5', { kind: 'cursor', limit: 2.5 }, 'limit'],
      ['a forged cursor', { kind: 'cursor', limit: 10, cursor: 'not-a-cursor' }, 'cursor'],
      ['page 0', { kind: 'offset', pageNumber: 0, pageSize: 10 }, 'pageNumber'],
      ['page size 0', { kind: 'offset', pageNumber: 1, pageSize: 0 }, 'pageSize'],
      ['page size 1001', { kind: 'offset', pageNumber: 1, pageSize: 1001 }, 'pageSize'],
    ];
    for (const [what, page, field] of badPages) {
      it(`refuses ${what}, naming ${field}`, async () => {
        const e = await rejection(listJobGroups(deps, { instanceId }, page));
        expect(e.code).toBe('VALIDATION_FAILED');
        expect(e.details.field).toBe(field);
      });
    }

    it('refuses an unknown status or a creation bound that is not a number, naming the field', async () => {
      const e = await rejection(
        listJobGroups(deps, { instanceId, statuses: ['Paused', 'Sleeping' as never] }, { kind: 'cursor', limit: 5 }),
      );
      expect(e.details.field).toBe('statuses[1]');
      const f = await rejection(
        listJobGroups(deps, { instanceId, createdFrom: Number.NaN }, { kind: 'cursor', limit: 5 }),
      );
      expect(f.details.field).toBe('createdFrom');
    });
  });
}
