import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/core/clock.js';
import { createVirtualClock, type VirtualClock } from '../../../src/core/virtualClock.js';
import { createScript } from '../../../src/service/catalog/createScript.js';
import { getScriptOf } from '../../../src/service/catalog/getScriptOf.js';
import { listScripts } from '../../../src/service/catalog/listScripts.js';
import { createInstance } from '../../../src/service/createInstance.js';
import { createJobGroup } from '../../../src/service/createJobGroup.js';
import { createLineGroup } from '../../../src/service/createLineGroup.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { testIds } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: scripts`, () => {
    let t: TestStore;
    let clock: VirtualClock;
    let deps: ServiceDeps;
    let instanceId: string;
    let other: string;
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
    });
    afterEach(() => t.drop());

    const scriptCount = async () => (await t.db.selectFrom('script').select('id').execute()).length;

    it('creates a script (a draft unless told), reads it back, and hides it from other instances', async () => {
      const s = await createScript(deps, {
        instanceId,
        name: ' Greeting ',
        description: 'says hello',
        industry: 'retail',
        scene: 'welcome',
      });
      expect(s).toMatchObject({
        instanceId,
        name: 'Greeting',
        description: 'says hello',
        industry: 'retail',
        scene: 'welcome',
        status: 'DRAFTED',
        createdAt: T0,
        modifiedAt: T0,
      });
      expect(await getScriptOf(deps, instanceId, s.id)).toEqual(s);
      const foreign = await rejection(getScriptOf(deps, other, s.id));
      const missing = await rejection(getScriptOf(deps, other, 'nope'));
      expect(foreign.code).toBe('SCRIPT_NOT_FOUND');
      expect(foreign.details).toEqual(missing.details);
      expect(foreign.message.replace(s.id, 'X')).toBe(missing.message.replace('nope', 'X'));
      const published = await createScript(deps, { instanceId, name: 'p', status: 'PUBLISHED' });
      expect(published).toMatchObject({ status: 'PUBLISHED', description: '', industry: '', scene: '' });
    });

    it('refuses bad input naming the field, and stores nothing', async () => {
      const cases: [Parameters<typeof createScript>[1], string, string][] = [
        [{ instanceId, name: '' }, 'VALIDATION_FAILED', 'name'],
        [{ instanceId, name: 's', status: 'LIVE' as never }, 'VALIDATION_FAILED', 'status'],
        [{ instanceId, name: 's', scene: 3 as never }, 'VALIDATION_FAILED', 'scene'],
        [{ instanceId: 'nobody', name: 's' }, 'INSTANCE_NOT_FOUND', 'instanceId'],
      ];
      for (const [input, code, field] of cases) {
        const e = await rejection(createScript(deps, input));
        expect(e.code).toBe(code);
        expect(e.details.field).toBe(field);
      }
      expect(await scriptCount()).toBe(0);
    });

    it('lists the instance’s scripts newest first, by page number', async () => {
      const made = [];
      for (let i = 0; i < 5; i++) {
        clock.set(T0 + i * MINUTE);
        made.push(await createScript(deps, { instanceId, name: `s${i}` }));
        await createScript(deps, { instanceId: other, name: `theirs ${i}` });
      }
      const seen: string[] = [];
      for (let pageNumber = 1; pageNumber <= 3; pageNumber++) {
        const page = await listScripts(deps, instanceId, { pageNumber, pageSize: 2 });
        expect(page.total).toBe(5);
        seen.push(...page.items.map((s) => s.name));
      }
      expect(seen).toEqual(['s4', 's3', 's2', 's1', 's0']);
      expect((await listScripts(deps, instanceId, { pageNumber: 4, pageSize: 2 })).items).toEqual([]);
      expect((await rejection(listScripts(deps, instanceId, { pageNumber: 1, pageSize: 0 }))).details.field).toBe(
        'pageSize',
      );
    });

    it('a job group may name a script of its own instance only', async () => {
      const lineGroupIds = [
        (await createLineGroup(deps, { instanceId, name: 't', callingNumbers: ['02100000001'] })).id,
      ];
      const mine = await createScript(deps, { instanceId, name: 'mine' });
      const theirs = await createScript(deps, { instanceId: other, name: 'theirs' });
      expect((await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds, scriptId: mine.id })).scriptId).toBe(
        mine.id,
      );
      for (const scriptId of [theirs.id, 'nope']) {
        const e = await rejection(createJobGroup(deps, { instanceId, name: 'g', lineGroupIds, scriptId }));
        expect(e.code).toBe('SCRIPT_NOT_FOUND');
        expect(e.details.field).toBe('scriptId');
      }
      expect((await t.db.selectFrom('job_group').select('id').execute()).length).toBe(1);
    });
  });
}
