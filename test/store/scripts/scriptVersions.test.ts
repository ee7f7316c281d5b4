import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Script } from '../../../src/core/types.js';
import type { Script as ScriptBody } from '../../../src/robot/script/model.js';
import { insertInstance } from '../../../src/store/instances/insertInstance.js';
import { getScript } from '../../../src/store/scripts/getScript.js';
import { getScriptVersion } from '../../../src/store/scripts/getScriptVersion.js';
import { insertScript } from '../../../src/store/scripts/insertScript.js';
import { insertScriptVersion } from '../../../src/store/scripts/insertScriptVersion.js';
import { listScriptVersions } from '../../../src/store/scripts/listScriptVersions.js';
import { markScriptPublished } from '../../../src/store/scripts/markScriptPublished.js';
import { updateScript } from '../../../src/store/scripts/updateScript.js';
import { MINUTE, T0 } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const body = (name: string) => ({ name, language: 'en', variables: [] }) as unknown as ScriptBody;

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: script versions in the store`, () => {
    let t: TestStore;
    const instanceId = 'inst-1';
    let n = 0;
    beforeAll(async () => {
      t = await openTestStore(dialect);
      await insertInstance(t.db, { id: instanceId, name: 'acme', description: '', createdAt: T0 });
    });
    afterAll(() => t.drop());

    /** A script with version 1 written, as createScript leaves it. */
    async function seedScript(): Promise<Script> {
      const script: Script = {
        id: `script-${++n}`,
        instanceId,
        name: 'Reminder',
        description: '',
        industry: '',
        scene: '',
        status: 'DRAFTED',
        language: 'en',
        latestVersion: 1,
        publishedVersion: null,
        createdAt: T0,
        modifiedAt: T0,
      };
      await insertScript(t.db, script);
      await insertScriptVersion(t.db, {
        scriptId: script.id,
        version: 1,
        body: body('v1'),
        source: 'name: v1',
        createdAt: T0,
        publishedAt: null,
      });
      return script;
    }

    /** What updateScript (the service) does: count a version on the row, then write it, in one transaction. */
    const writeVersion = (scriptId: string, name: string, at: number) =>
      t.db.transaction().execute(async (trx) => {
        const s = await updateScript(trx, scriptId, { name, newVersion: true }, at);
        if (!s) throw new Error('no script');
        await insertScriptVersion(trx, {
          scriptId,
          version: s.latestVersion,
          body: body(name),
          source: `name: ${name}`,
          createdAt: at,
          publishedAt: null,
        });
        return s.latestVersion;
      });

    it('reads a version back with its body and source, and lists versions newest first without them', async () => {
      const s = await seedScript();
      expect(await writeVersion(s.id, 'v2', T0 + MINUTE)).toBe(2);
      expect(await getScriptVersion(t.db, s.id, 2)).toEqual({
        scriptId: s.id,
        version: 2,
        body: body('v2'),
        source: 'name: v2',
        createdAt: T0 + MINUTE,
        publishedAt: null,
      });
      expect(await getScriptVersion(t.db, s.id, 3)).toBeUndefined();
      expect(await listScriptVersions(t.db, s.id)).toEqual([
        { scriptId: s.id, version: 2, createdAt: T0 + MINUTE, publishedAt: null },
        { scriptId: s.id, version: 1, createdAt: T0, publishedAt: null },
      ]);
      expect(await getScript(t.db, s.id)).toMatchObject({ name: 'v2', latestVersion: 2, modifiedAt: T0 + MINUTE });
    });

    it('gives concurrent writers distinct version numbers', async () => {
      const s = await seedScript();
      const written = await Promise.all(
        Array.from({ length: 6 }, (_, i) => writeVersion(s.id, `w${i}`, T0 + (i + 1) * MINUTE)),
      );
      expect([...written].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
      expect((await listScriptVersions(t.db, s.id)).map((v) => v.version)).toEqual([7, 6, 5, 4, 3, 2, 1]);
      expect((await getScript(t.db, s.id))?.latestVersion).toBe(7);
    });

    it('publishing points the script at a version and stamps the version the first time only', async () => {
      const s = await seedScript();
      await writeVersion(s.id, 'v2', T0);
      expect(await markScriptPublished(t.db, s.id, 1, T0 + MINUTE)).toBe(true);
      expect(await markScriptPublished(t.db, s.id, 2, T0 + 2 * MINUTE)).toBe(true);
      expect(await markScriptPublished(t.db, s.id, 1, T0 + 3 * MINUTE)).toBe(true);
      expect(await getScript(t.db, s.id)).toMatchObject({
        status: 'PUBLISHED',
        publishedVersion: 1,
        modifiedAt: T0 + 3 * MINUTE,
      });
      expect((await listScriptVersions(t.db, s.id)).map((v) => [v.version, v.publishedAt])).toEqual([
        [2, T0 + 2 * MINUTE],
        [1, T0 + MINUTE],
      ]);

      const before = await getScript(t.db, s.id);
      expect(await markScriptPublished(t.db, s.id, 9, T0 + 4 * MINUTE)).toBe(false);
      expect(await markScriptPublished(t.db, 'no-such-script', 1, T0 + 4 * MINUTE)).toBe(false);
      expect(await getScript(t.db, s.id)).toEqual(before);
    });
  });
}
