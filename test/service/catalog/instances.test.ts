import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/core/clock.js';
import { createVirtualClock, type VirtualClock } from '../../../src/core/virtualClock.js';
import { getInstanceOf } from '../../../src/service/catalog/getInstanceOf.js';
import { listInstances } from '../../../src/service/catalog/listInstances.js';
import { updateInstance } from '../../../src/service/catalog/updateInstance.js';
import { createInstance } from '../../../src/service/createInstance.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { testIds } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: instances`, () => {
    let t: TestStore;
    let clock: VirtualClock;
    let deps: ServiceDeps;
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
    });
    afterEach(() => t.drop());

    it('keeps a description, and reads back what was created', async () => {
      const a = await createInstance(deps, { name: ' Acme ', description: 'collections' });
      expect(a).toMatchObject({ name: 'Acme', description: 'collections', createdAt: T0 });
      expect(await getInstanceOf(deps, a.id)).toEqual(a);
      const b = await createInstance(deps, { name: 'Plain' });
      expect((await getInstanceOf(deps, b.id)).description).toBe('');
    });

    it('updates the name and description it is given, and only those', async () => {
      const a = await createInstance(deps, { name: 'Acme', description: 'old' });
      expect(await updateInstance(deps, a.id, { description: 'new' })).toEqual({ ...a, description: 'new' });
      expect(await updateInstance(deps, a.id, { name: ' Acme Ltd ' })).toEqual({
        ...a,
        name: 'Acme Ltd',
        description: 'new',
      });
      expect(await updateInstance(deps, a.id, {})).toEqual({ ...a, name: 'Acme Ltd', description: 'new' });
    });

    it('refuses a bad name or description naming the field, and changes nothing', async () => {
      const a = await createInstance(deps, { name: 'Acme' });
      expect((await rejection(updateInstance(deps, a.id, { name: '  ' }))).details.field).toBe('name');
      expect((await rejection(updateInstance(deps, a.id, { description: 7 as never }))).details.field).toBe(
        'description',
      );
      expect(await getInstanceOf(deps, a.id)).toEqual(a);
    });

    it('reports a missing instance as INSTANCE_NOT_FOUND', async () => {
      for (const p of [getInstanceOf(deps, 'nope'), updateInstance(deps, 'nope', { name: 'x' })]) {
        const e = await rejection(p);
        expect(e.code).toBe('INSTANCE_NOT_FOUND');
        expect(e.details.field).toBe('instanceId');
      }
    });

    it('lists every instance newest first by cursor and by page number, ties on created_at included', async () => {
      const made = [];
      for (let i = 0; i < 11; i++) {
        clock.set(T0 + Math.floor(i / 4) * MINUTE);
        made.push(await createInstance(deps, { name: `i${i}` }));
      }
      const expected = [...made].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1)).map((i) => i.id);
      const byCursor: string[] = [];
      let cursor: string | null | undefined;
      do {
        const page = await listInstances(deps, { kind: 'cursor', limit: 3, ...(cursor ? { cursor } : {}) });
        byCursor.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(byCursor).toEqual(expected);

      const byNumber: string[] = [];
      for (let pageNumber = 1; pageNumber <= 3; pageNumber++) {
        const page = await listInstances(deps, { kind: 'offset', pageNumber, pageSize: 4 });
        expect(page.total).toBe(11);
        byNumber.push(...page.items.map((i) => i.id));
      }
      expect(byNumber).toEqual(expected);
      expect(
        (await rejection(listInstances(deps, { kind: 'offset', pageNumber: 1, pageSize: 5000 }))).details.field,
      ).toBe('pageSize');
    });
  });
}
