import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/core/clock.js';
import type { LineGroup } from '../../../src/core/types.js';
import { createVirtualClock, type VirtualClock } from '../../../src/core/virtualClock.js';
import { addLine } from '../../../src/service/catalog/addLine.js';
import { deleteLineGroup } from '../../../src/service/catalog/deleteLineGroup.js';
import { getLineGroupOf } from '../../../src/service/catalog/getLineGroupOf.js';
import { listCallingNumbers } from '../../../src/service/catalog/listCallingNumbers.js';
import { listLineGroups } from '../../../src/service/catalog/listLineGroups.js';
import { removeLine } from '../../../src/service/catalog/removeLine.js';
import { updateLineGroup } from '../../../src/service/catalog/updateLineGroup.js';
import { createInstance } from '../../../src/service/createInstance.js';
import { createJobGroup } from '../../../src/service/createJobGroup.js';
import { createLineGroup } from '../../../src/service/createLineGroup.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { deleteJobGroup } from '../../../src/service/jobGroups/deleteJobGroup.js';
import { testIds } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: line groups and calling numbers`, () => {
    let t: TestStore;
    let clock: VirtualClock;
    let deps: ServiceDeps;
    let instanceId: string;
    let other: string;
    let first: LineGroup;
    let second: LineGroup;
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
      other = (await createInstance(deps, { name: 'other' })).id;
      first = await createLineGroup(deps, {
        instanceId,
        name: 'first',
        callingNumbers: ['02100000001', '02100000002'],
      });
      clock.set(T0 + MINUTE);
      await createLineGroup(deps, { instanceId: other, name: 'theirs', callingNumbers: ['02100000009'] });
      clock.set(T0 + 2 * MINUTE);
      second = await createLineGroup(deps, {
        instanceId,
        name: 'second',
        callingNumbers: ['02100000003'],
        lineCapacity: 4,
      });
    });
    afterEach(() => t.drop());

    const lineCount = async () => (await t.db.selectFrom('line').select('id').execute()).length;

    it('lists the instance’s line groups oldest first, with their lines in order', async () => {
      expect(await listLineGroups(deps, instanceId)).toEqual([first, second]);
      expect(await getLineGroupOf(deps, instanceId, second.id)).toEqual(second);
      expect(await listLineGroups(deps, 'nobody')).toEqual([]);
    });

    it('another instance’s line group looks exactly like a missing one, for every operation', async () => {
      const ops: [string, (id: string) => Promise<unknown>][] = [
        ['get', (id) => getLineGroupOf(deps, other, id)],
        ['update', (id) => updateLineGroup(deps, other, id, { name: 'x' })],
        ['addLine', (id) => addLine(deps, other, id, { callingNumber: '02100000005' })],
        ['removeLine', (id) => removeLine(deps, other, id, first.lines[0]?.id as string)],
        ['delete', (id) => deleteLineGroup(deps, other, id)],
      ];
      for (const [name, op] of ops) {
        const foreign = await rejection(op(first.id));
        const missing = await rejection(op('no-such-group'));
        expect(foreign.code, name).toBe('LINE_GROUP_NOT_FOUND');
        expect(foreign.details, name).toEqual(missing.details);
        expect(foreign.message.replace(first.id, 'X'), name).toBe(missing.message.replace('no-such-group', 'X'));
      }
      expect(await getLineGroupOf(deps, instanceId, first.id)).toEqual(first);
    });

    it('updates name, capacity and calls per second; refuses bad values naming the field', async () => {
      const u = await updateLineGroup(deps, instanceId, first.id, { name: ' main ', capacity: 7, callsPerSecond: 2.5 });
      expect(u).toEqual({ ...first, name: 'main', capacity: 7, callsPerSecond: 2.5 });
      for (const [patch, field] of [
        [{ name: '' }, 'name'],
        [{ capacity: 0 }, 'capacity'],
        [{ capacity: 1.5 }, 'capacity'],
        [{ callsPerSecond: -1 }, 'callsPerSecond'],
      ] as const) {
        const e = await rejection(updateLineGroup(deps, instanceId, first.id, patch));
        expect(e.code).toBe('VALIDATION_FAILED');
        expect(e.details.field).toBe(field);
      }
      expect(await getLineGroupOf(deps, instanceId, first.id)).toEqual(u);
    });

    it('appends a line last, removes one, and keeps at least one', async () => {
      const grown = await addLine(deps, instanceId, first.id, { callingNumber: '02100000004', capacity: 3 });
      expect(grown.lines.map((l) => l.callingNumber)).toEqual(['02100000001', '02100000002', '02100000004']);
      expect(grown.lines[2]).toMatchObject({ capacity: 3, lineGroupId: first.id });
      expect((await rejection(addLine(deps, instanceId, first.id, { callingNumber: 'call me' }))).details.field).toBe(
        'callingNumber',
      );
      expect(
        (await rejection(addLine(deps, instanceId, first.id, { callingNumber: '02100000005', capacity: 0 }))).details
          .field,
      ).toBe('capacity');

      const shrunk = await removeLine(deps, instanceId, first.id, grown.lines[0]?.id as string);
      expect(shrunk.lines.map((l) => l.callingNumber)).toEqual(['02100000002', '02100000004']);
      const again = await addLine(deps, instanceId, first.id, { callingNumber: '02100000006' });
      expect(again.lines.map((l) => l.callingNumber)).toEqual(['02100000002', '02100000004', '02100000006']);

      // A line of another group is not this group's.
      const wrong = await rejection(removeLine(deps, instanceId, first.id, second.lines[0]?.id as string));
      expect(wrong.details.field).toBe('lineId');
      const last = await rejection(removeLine(deps, instanceId, second.id, second.lines[0]?.id as string));
      expect(last.code).toBe('VALIDATION_FAILED');
      expect(last.details.field).toBe('lineId');
      expect((await getLineGroupOf(deps, instanceId, second.id)).lines).toHaveLength(1);
    });

    it('refuses to delete a line group a job group uses, and deletes it once none does', async () => {
      const g = await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds: [second.id, first.id] });
      const lines = await lineCount();
      const e = await rejection(deleteLineGroup(deps, instanceId, first.id));
      expect(e.code).toBe('LINE_GROUP_IN_USE');
      expect(e.message).toContain(g.id);
      expect(e.details).toMatchObject({ field: 'lineGroupId', jobGroupIds: [g.id] });
      expect(await lineCount()).toBe(lines);

      await deleteJobGroup(deps, instanceId, g.id);
      await deleteLineGroup(deps, instanceId, first.id);
      expect(await listLineGroups(deps, instanceId)).toEqual([second]);
      expect(await lineCount()).toBe(lines - 2);
      expect((await rejection(getLineGroupOf(deps, instanceId, first.id))).code).toBe('LINE_GROUP_NOT_FOUND');
    });

    it('a line group whose id differs from a used one only where a wildcard would match is not mistaken for it', async () => {
      const ids = ['lg_1', 'lg_1-line', 'lgx1', 'lgx1-line'];
      let n = 0;
      const d = { ...deps, newId: () => ids[n++] ?? `x${n}` };
      const a = await createLineGroup(d, { instanceId, name: 'a', callingNumbers: ['02100000007'] });
      const b = await createLineGroup(d, { instanceId, name: 'b', callingNumbers: ['02100000008'] });
      expect([a.id, b.id]).toEqual(['lg_1', 'lgx1']);
      await createJobGroup(deps, { instanceId, name: 'uses lgx1', lineGroupIds: [b.id] });
      await deleteLineGroup(deps, instanceId, a.id);
      expect((await rejection(deleteLineGroup(deps, instanceId, b.id))).code).toBe('LINE_GROUP_IN_USE');
    });

    it('lists every calling number of the instance with its group, by page number', async () => {
      const all: string[] = [];
      for (let pageNumber = 1; pageNumber <= 3; pageNumber++) {
        const page = await listCallingNumbers(deps, instanceId, { pageNumber, pageSize: 2 });
        expect(page.total).toBe(3);
        all.push(
          ...page.items.map(
            (x) => `${x.lineGroupName}:${x.line.callingNumber}:${x.lineGroupId === x.line.lineGroupId}`,
          ),
        );
      }
      expect(all).toEqual(['first:02100000001:true', 'first:02100000002:true', 'second:02100000003:true']);
      const theirs = await listCallingNumbers(deps, other, { pageNumber: 1, pageSize: 10 });
      expect(theirs.items.map((x) => x.line.callingNumber)).toEqual(['02100000009']);
      expect(
        (await rejection(listCallingNumbers(deps, instanceId, { pageNumber: 0, pageSize: 10 }))).details.field,
      ).toBe('pageNumber');
    });
  });
}
