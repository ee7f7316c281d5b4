// biome-ignore-all lint/suspicious/noTemplateCurlyInString: prompts hold ${name} variable references
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/core/clock.js';
import { createVirtualClock, type VirtualClock } from '../../../src/core/virtualClock.js';
import { parseScript } from '../../../src/robot/script/parseScript.js';
import { checkScript } from '../../../src/service/catalog/checkScript.js';
import { createScript, type ScriptInput } from '../../../src/service/catalog/createScript.js';
import { getScriptOf } from '../../../src/service/catalog/getScriptOf.js';
import { getScriptVersionOf } from '../../../src/service/catalog/getScriptVersionOf.js';
import { listScripts } from '../../../src/service/catalog/listScripts.js';
import { listScriptVersions } from '../../../src/service/catalog/listScriptVersions.js';
import { publishScript } from '../../../src/service/catalog/publishScript.js';
import { updateScript } from '../../../src/service/catalog/updateScript.js';
import { createInstance } from '../../../src/service/createInstance.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { testIds } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { greetingScript, reminderSource } from '../../support/scriptSources.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);

/** Two mistakes: a branch to a node that does not exist, and a variable nobody declared. */
const brokenSource = reminderSource({ say: 'Hello ${nobody}' }).replace('goto: bye', 'goto: byee');

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

    const counts = async () => ({
      scripts: (await t.db.selectFrom('script').select('id').execute()).length,
      versions: (await t.db.selectFrom('script_version').select('version').execute()).length,
    });

    it('creates a draft from YAML as version 1, with the body’s name, industry and scene, and the text as sent', async () => {
      const source = reminderSource();
      const s = await createScript(deps, { instanceId, source });
      expect(s).toMatchObject({
        instanceId,
        name: 'Reminder',
        description: 'a short reminder',
        industry: 'Banking',
        scene: 'Collections',
        language: 'en',
        status: 'DRAFTED',
        latestVersion: 1,
        publishedVersion: null,
        createdAt: T0,
        modifiedAt: T0,
      });
      expect(await getScriptOf(deps, instanceId, s.id)).toEqual(s);
      const v1 = await getScriptVersionOf(deps, instanceId, s.id, 1);
      expect(v1).toMatchObject({ scriptId: s.id, version: 1, source, createdAt: T0, publishedAt: null });
      const parsed = parseScript(source);
      if (!parsed.ok) throw new Error('the reminder must parse');
      expect(v1.body).toEqual(parsed.script);

      const foreign = await rejection(getScriptOf(deps, other, s.id));
      const missing = await rejection(getScriptOf(deps, other, 'nope'));
      expect(foreign.code).toBe('SCRIPT_NOT_FOUND');
      expect(foreign.details).toEqual(missing.details);
      expect(foreign.message.replace(s.id, 'X')).toBe(missing.message.replace('nope', 'X'));
      expect((await rejection(getScriptVersionOf(deps, other, s.id, 1))).code).toBe('SCRIPT_NOT_FOUND');
    });

    it('creates from an object, keeping it as indented JSON; given metadata overrides the body’s', async () => {
      const script = greetingScript('问候');
      const s = await createScript(deps, { instanceId, script, name: ' Welcome ', scene: 'onboarding' });
      expect(s).toMatchObject({ name: 'Welcome', scene: 'onboarding', industry: '', description: '', language: 'zh' });
      const v1 = await getScriptVersionOf(deps, instanceId, s.id, 1);
      expect(v1.source).toBe(JSON.stringify(script, null, 2));
      expect(v1.body.name).toBe('问候');
      expect(v1.body.options.maxRounds).toBeGreaterThan(0);
    });

    it('refuses bad input naming the field, and stores nothing', async () => {
      const source = reminderSource();
      const cases: [ScriptInput, string, string][] = [
        [{ instanceId }, 'VALIDATION_FAILED', 'source'],
        [{ instanceId, source: '   ' }, 'VALIDATION_FAILED', 'source'],
        [{ instanceId, source: 42 }, 'VALIDATION_FAILED', 'source'],
        [{ instanceId, script: ['not', 'an', 'object'] }, 'VALIDATION_FAILED', 'script'],
        [{ instanceId, source, script: greetingScript() }, 'VALIDATION_FAILED', 'script'],
        [{ instanceId, source, name: '' }, 'VALIDATION_FAILED', 'name'],
        [{ instanceId, source, scene: 3 }, 'VALIDATION_FAILED', 'scene'],
        [{ instanceId, script: { ...greetingScript(), start: 'nowhere' } }, 'INVALID_SCRIPT', 'script.start'],
        [{ instanceId, source: brokenSource }, 'INVALID_SCRIPT', 'source'],
        [{ instanceId: 'nobody', source }, 'INSTANCE_NOT_FOUND', 'instanceId'],
      ];
      for (const [input, code, field] of cases) {
        const e = await rejection(createScript(deps, input));
        expect([e.code, e.details.field], JSON.stringify(input).slice(0, 80)).toEqual([code, field]);
      }
      expect(await counts()).toEqual({ scripts: 0, versions: 0 });
    });

    it('an invalid script names its first issue in the message and lists every issue with its line', async () => {
      const e = await rejection(createScript(deps, { instanceId, source: brokenSource }));
      const found = parseScript(brokenSource);
      if (found.ok) throw new Error('the broken source must not parse');
      expect(found.errors.length).toBeGreaterThanOrEqual(2);
      expect(e.details.issues).toEqual(found.errors);
      const first = found.errors[0]!;
      expect(e.message).toContain(`source.${first.path}: ${first.message} (line ${first.line})`);
      expect(e.message).toContain(`${found.errors.length - 1} more`);
      const paths = found.errors.map((i) => i.path);
      expect(paths).toContain('nodes.greet.branches[1].goto');
      expect(paths.some((p) => p.startsWith('nodes.greet.say'))).toBe(true);
    });

    it('lists the instance’s scripts newest first, by page number and by cursor', async () => {
      for (let i = 0; i < 5; i++) {
        clock.set(T0 + i * MINUTE);
        await createScript(deps, { instanceId, script: greetingScript(`s${i}`) });
        await createScript(deps, { instanceId: other, script: greetingScript(`theirs ${i}`) });
      }
      const byNumber: string[] = [];
      for (let pageNumber = 1; pageNumber <= 3; pageNumber++) {
        const page = await listScripts(deps, instanceId, { kind: 'offset', pageNumber, pageSize: 2 });
        expect(page.total).toBe(5);
        byNumber.push(...page.items.map((s) => s.name));
      }
      expect(byNumber).toEqual(['s4', 's3', 's2', 's1', 's0']);
      const byCursor: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listScripts(deps, instanceId, { kind: 'cursor', limit: 2, cursor });
        byCursor.push(...page.items.map((s) => s.name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(byCursor).toEqual(byNumber);
      const tooSmall = { kind: 'offset', pageNumber: 1, pageSize: 0 } as const;
      expect((await rejection(listScripts(deps, instanceId, tooSmall))).details.field).toBe('pageSize');
    });

    it('a new body is a new draft version; metadata alone writes none', async () => {
      const s = await createScript(deps, { instanceId, source: reminderSource() });
      await publishScript(deps, instanceId, s.id);
      clock.set(T0 + MINUTE);
      const source = reminderSource({ name: 'Reminder v2', say: 'Hi ${name}, ${amount} was due ${dueDate}.' });
      const v2 = await updateScript(deps, instanceId, s.id, { source, industry: 'Cards' });
      expect(v2).toMatchObject({
        name: 'Reminder v2',
        industry: 'Cards',
        latestVersion: 2,
        publishedVersion: 1,
        status: 'PUBLISHED',
        modifiedAt: T0 + MINUTE,
      });
      const stored = await getScriptVersionOf(deps, instanceId, s.id, 2);
      expect(stored).toMatchObject({ version: 2, source, createdAt: T0 + MINUTE, publishedAt: null });
      expect((await getScriptVersionOf(deps, instanceId, s.id, 1)).source).toBe(reminderSource());

      clock.set(T0 + 2 * MINUTE);
      const renamed = await updateScript(deps, instanceId, s.id, { name: 'Friendly reminder' });
      expect(renamed).toMatchObject({ name: 'Friendly reminder', industry: 'Cards', latestVersion: 2 });
      expect(await updateScript(deps, instanceId, s.id, {})).toEqual(renamed);
      expect(await counts()).toEqual({ scripts: 1, versions: 2 });

      const bad = await rejection(updateScript(deps, instanceId, s.id, { source: brokenSource, name: 'x' }));
      expect(bad.code).toBe('INVALID_SCRIPT');
      expect((await rejection(updateScript(deps, other, s.id, { name: 'mine now' }))).code).toBe('SCRIPT_NOT_FOUND');
      expect(await getScriptOf(deps, instanceId, s.id)).toEqual(renamed);
      expect(await counts()).toEqual({ scripts: 1, versions: 2 });
    });

    it('publishes the latest version by default, or the one named; a version keeps when it was first published', async () => {
      const s = await createScript(deps, { instanceId, source: reminderSource() });
      await updateScript(deps, instanceId, s.id, { source: reminderSource({ say: 'second' }) });
      clock.set(T0 + MINUTE);
      const latest = await publishScript(deps, instanceId, s.id);
      expect(latest).toMatchObject({ status: 'PUBLISHED', publishedVersion: 2, modifiedAt: T0 + MINUTE });
      clock.set(T0 + 2 * MINUTE);
      expect((await publishScript(deps, instanceId, s.id, 1)).publishedVersion).toBe(1);
      clock.set(T0 + 3 * MINUTE);
      expect((await publishScript(deps, instanceId, s.id, 2)).publishedVersion).toBe(2);

      expect(await listScriptVersions(deps, instanceId, s.id)).toEqual([
        { scriptId: s.id, version: 2, createdAt: T0, publishedAt: T0 + MINUTE },
        { scriptId: s.id, version: 1, createdAt: T0, publishedAt: T0 + 2 * MINUTE },
      ]);

      const unknown = await rejection(publishScript(deps, instanceId, s.id, 3));
      expect([unknown.code, unknown.details.field]).toEqual(['SCRIPT_VERSION_NOT_FOUND', 'version']);
      const zero = await rejection(publishScript(deps, instanceId, s.id, 0));
      expect([zero.code, zero.details.field]).toEqual(['VALIDATION_FAILED', 'version']);
      expect((await rejection(publishScript(deps, other, s.id))).code).toBe('SCRIPT_NOT_FOUND');
      expect((await getScriptOf(deps, instanceId, s.id)).publishedVersion).toBe(2);
      const missing = await rejection(getScriptVersionOf(deps, instanceId, s.id, 9));
      expect([missing.code, missing.details.field]).toEqual(['SCRIPT_VERSION_NOT_FOUND', 'version']);
    });

    it('checks a script without storing it: errors, and warnings from the linter', async () => {
      const good = checkScript({ source: reminderSource() });
      expect(good.ok).toBe(true);
      expect(good.errors).toEqual([]);
      expect(good.warnings.length).toBeGreaterThan(0);
      expect(good.warnings.every((w) => typeof w.line === 'number')).toBe(true);
      const bad = checkScript({ source: brokenSource });
      expect(bad.ok).toBe(false);
      expect(bad.errors.map((e) => e.path)).toContain('nodes.greet.branches[1].goto');
      expect(checkScript({ script: greetingScript() }).ok).toBe(true);
      expect(checkScript({ source: 'name: [unclosed' }).errors[0]?.code).toBe('SYNTAX');
      expect(() => checkScript({})).toThrow(/^source: is required/);
      expect(await counts()).toEqual({ scripts: 0, versions: 0 });
    });
  });
}
