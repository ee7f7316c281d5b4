import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../src/core/virtualClock.js';
import { createScript } from '../../../src/service/catalog/createScript.js';
import { publishScript } from '../../../src/service/catalog/publishScript.js';
import { updateScript } from '../../../src/service/catalog/updateScript.js';
import { createInstance } from '../../../src/service/createInstance.js';
import { createJobGroup } from '../../../src/service/createJobGroup.js';
import { createLineGroup } from '../../../src/service/createLineGroup.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { getJobGroupOf } from '../../../src/service/jobGroups/getJobGroupOf.js';
import { updateJobGroup } from '../../../src/service/jobGroups/updateJobGroup.js';
import { testIds } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { greetingScript, reminderSource } from '../../support/scriptSources.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: the script version a job group runs`, () => {
    let t: TestStore;
    let deps: ServiceDeps;
    let instanceId: string;
    let lineGroupIds: string[];
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
    });
    afterEach(() => t.drop());

    const groupCount = async () => (await t.db.selectFrom('job_group').select('id').execute()).length;

    it('refuses a script with no published version, naming scriptId', async () => {
      const draft = await createScript(deps, { instanceId, source: reminderSource() });
      const e = await rejection(createJobGroup(deps, { instanceId, name: 'g', lineGroupIds, scriptId: draft.id }));
      expect([e.code, e.details.field]).toEqual(['SCRIPT_NOT_PUBLISHED', 'scriptId']);
      const g = await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds });
      const u = await rejection(updateJobGroup(deps, instanceId, g.id, { scriptId: draft.id }));
      expect([u.code, u.details.field]).toEqual(['SCRIPT_NOT_PUBLISHED', 'scriptId']);
      expect((await getJobGroupOf(deps, instanceId, g.id)).scriptId).toBeNull();
      expect(await groupCount()).toBe(1);
    });

    it('a group keeps running version 1 after version 2 is published, until it is given the script again', async () => {
      const s = await createScript(deps, { instanceId, source: reminderSource() });
      await publishScript(deps, instanceId, s.id);
      const g = await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds, scriptId: s.id });
      expect(g.scriptVersion).toBe(1);

      await updateScript(deps, instanceId, s.id, { source: reminderSource({ say: 'version two' }) });
      await publishScript(deps, instanceId, s.id);
      expect((await getJobGroupOf(deps, instanceId, g.id)).scriptVersion).toBe(1);
      const renamed = await updateJobGroup(deps, instanceId, g.id, { name: 'renamed', concurrency: 2 });
      expect(renamed.scriptVersion).toBe(1);
      const later = await createJobGroup(deps, { instanceId, name: 'later', lineGroupIds, scriptId: s.id });
      expect(later.scriptVersion).toBe(2);

      expect((await updateJobGroup(deps, instanceId, g.id, { scriptId: s.id })).scriptVersion).toBe(2);
      expect((await updateJobGroup(deps, instanceId, g.id, { scriptVersion: 1 })).scriptVersion).toBe(1);
      expect((await getJobGroupOf(deps, instanceId, g.id)).scriptVersion).toBe(1);
    });

    it('runs the published version it names; a draft or unknown version is refused, naming scriptVersion', async () => {
      const s = await createScript(deps, { instanceId, source: reminderSource() });
      await publishScript(deps, instanceId, s.id);
      await updateScript(deps, instanceId, s.id, { source: reminderSource({ say: 'a draft' }) });
      await updateScript(deps, instanceId, s.id, { source: reminderSource({ say: 'published' }) });
      await publishScript(deps, instanceId, s.id, 3);

      const pinned = await createJobGroup(deps, {
        instanceId,
        name: 'g',
        lineGroupIds,
        scriptId: s.id,
        scriptVersion: 1,
      });
      expect(pinned.scriptVersion).toBe(1);
      for (const scriptVersion of [2, 4]) {
        const e = await rejection(
          createJobGroup(deps, { instanceId, name: 'g', lineGroupIds, scriptId: s.id, scriptVersion }),
        );
        expect([e.code, e.details.field]).toEqual(['SCRIPT_NOT_PUBLISHED', 'scriptVersion']);
      }
      const bad = await rejection(
        createJobGroup(deps, { instanceId, name: 'g', lineGroupIds, scriptId: s.id, scriptVersion: 1.5 }),
      );
      expect([bad.code, bad.details.field]).toEqual(['VALIDATION_FAILED', 'scriptVersion']);
      const alone = await rejection(createJobGroup(deps, { instanceId, name: 'g', lineGroupIds, scriptVersion: 1 }));
      expect([alone.code, alone.details.field]).toEqual(['VALIDATION_FAILED', 'scriptVersion']);
      expect(await groupCount()).toBe(1);

      const cleared = await updateJobGroup(deps, instanceId, pinned.id, { scriptId: null });
      expect([cleared.scriptId, cleared.scriptVersion]).toEqual([null, null]);
      const none = await rejection(updateJobGroup(deps, instanceId, pinned.id, { scriptVersion: 3 }));
      expect([none.code, none.details.field]).toEqual(['VALIDATION_FAILED', 'scriptVersion']);
    });

    it('a group may name a script of its own instance only', async () => {
      const other = (await createInstance(deps, { name: 'other' })).id;
      const theirs = await createScript(deps, { instanceId: other, script: greetingScript() });
      await publishScript(deps, other, theirs.id);
      for (const scriptId of [theirs.id, 'nope']) {
        const e = await rejection(createJobGroup(deps, { instanceId, name: 'g', lineGroupIds, scriptId }));
        expect([e.code, e.details.field]).toEqual(['SCRIPT_NOT_FOUND', 'scriptId']);
      }
      expect(await groupCount()).toBe(0);
    });
  });
}
