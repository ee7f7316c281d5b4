// biome-ignore-all lint/suspicious/noTemplateCurlyInString: prompts hold ${name} variable references
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greetingScript, reminderSource } from '../../support/scriptSources.js';
import { startTestServer, type TestServer } from '../../support/testServer.js';
import { TEST_DIALECTS } from '../../support/testStore.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are whatever JSON the server sent
type Reply = { status: number; body: any };

const expectError = (r: Reply, status: number, code: string, field?: string) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.error.code).toBe(code);
  if (field !== undefined) expect(r.body.error.field).toBe(field);
  expect(r.body.error.message).toBeTypeOf('string');
};

const brokenSource = reminderSource().replace('goto: bye', 'goto: byee');

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: REST /v1/scripts`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer(dialect);
    });
    afterAll(() => s.close());

    const versionCount = async () => (await s.store.db.selectFrom('script_version').select('version').execute()).length;

    it('creates a script from YAML or from an object, and reads it and its version back', async () => {
      const created = await s.call('POST', '/v1/scripts', { body: { source: reminderSource() } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({
        name: 'Reminder',
        industry: 'Banking',
        scene: 'Collections',
        language: 'en',
        status: 'DRAFTED',
        latestVersion: 1,
        publishedVersion: null,
      });
      const id = created.body.id;
      expect((await s.call('GET', `/v1/scripts/${id}`)).body).toEqual(created.body);
      const v1 = await s.call('GET', `/v1/scripts/${id}/versions/1`);
      expect(v1.status).toBe(200);
      expect(v1.body).toMatchObject({ version: 1, source: reminderSource(), publishedAt: null });
      expect(v1.body.body.variables.map((v: { name: string }) => v.name)).toEqual(['amount', 'dueDate', 'name']);

      const fromObject = await s.call('POST', '/v1/scripts', { body: { script: greetingScript(), name: 'Hello' } });
      expect(fromObject.status).toBe(201);
      expect(fromObject.body).toMatchObject({ name: 'Hello', language: 'zh' });
    });

    it('refuses a bad body with a 4xx naming the field; an invalid script lists every issue', async () => {
      const before = await versionCount();
      expectError(await s.call('POST', '/v1/scripts', { body: {} }), 400, 'VALIDATION_FAILED', 'source');
      expectError(
        await s.call('POST', '/v1/scripts', { body: { source: reminderSource(), script: greetingScript() } }),
        400,
        'VALIDATION_FAILED',
        'script',
      );
      expectError(
        await s.call('POST', '/v1/scripts', { body: { source: 7 } }),
        400,
        'VALIDATION_FAILED',
        'body.source',
      );
      expectError(
        await s.call('POST', '/v1/scripts', { body: { source: reminderSource(), colour: 'red' } }),
        400,
        'VALIDATION_FAILED',
        'body.colour',
      );
      const invalid = await s.call('POST', '/v1/scripts', { body: { source: brokenSource } });
      expectError(invalid, 400, 'INVALID_SCRIPT', 'source');
      expect(invalid.body.error.message).toContain('source.nodes.greet.branches[1].goto');
      expect(invalid.body.error.issues).toContainEqual(
        expect.objectContaining({
          path: 'nodes.greet.branches[1].goto',
          code: 'UNKNOWN_NODE',
          line: expect.any(Number),
        }),
      );
      const badObject = await s.call('POST', '/v1/scripts', { body: { script: { ...greetingScript(), start: 'x' } } });
      expectError(badObject, 400, 'INVALID_SCRIPT', 'script.start');
      expect(await versionCount()).toBe(before);
    });

    it('checks a script without storing anything', async () => {
      const before = await versionCount();
      const good = await s.call('POST', '/v1/scripts/check', { body: { source: reminderSource() } });
      expect(good.status).toBe(200);
      expect(good.body.ok).toBe(true);
      expect(good.body.errors).toEqual([]);
      expect(good.body.warnings.length).toBeGreaterThan(0);
      const bad = await s.call('POST', '/v1/scripts/check', { body: { source: brokenSource } });
      expect(bad.status).toBe(200);
      expect(bad.body).toMatchObject({ ok: false });
      expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('nodes.greet.branches[1].goto');
      expectError(await s.call('POST', '/v1/scripts/check', { body: {} }), 400, 'VALIDATION_FAILED', 'source');
      expect(await versionCount()).toBe(before);
    });

    it('changes a script: a new body is a new version, published on request; versions list newest first', async () => {
      const id = (await s.call('POST', '/v1/scripts', { body: { source: reminderSource() } })).body.id;
      const renamed = await s.call('PATCH', `/v1/scripts/${id}`, { body: { name: 'Renamed' } });
      expect(renamed.body).toMatchObject({ name: 'Renamed', latestVersion: 1 });
      const v2 = await s.call('PATCH', `/v1/scripts/${id}`, {
        body: { source: reminderSource({ name: 'Reminder two', say: 'Hi ${amount} ${dueDate}' }) },
      });
      expect(v2.body).toMatchObject({ name: 'Reminder two', latestVersion: 2, status: 'DRAFTED' });
      expectError(
        await s.call('PATCH', `/v1/scripts/${id}`, { body: { source: brokenSource } }),
        400,
        'INVALID_SCRIPT',
        'source',
      );

      const first = await s.call('POST', `/v1/scripts/${id}/publish`, { body: { version: 1 } });
      expect(first.body).toMatchObject({ status: 'PUBLISHED', publishedVersion: 1 });
      const latest = await s.call('POST', `/v1/scripts/${id}/publish`);
      expect(latest.status, JSON.stringify(latest.body)).toBe(200);
      expect(latest.body.publishedVersion).toBe(2);
      expectError(
        await s.call('POST', `/v1/scripts/${id}/publish`, { body: { version: 5 } }),
        404,
        'SCRIPT_VERSION_NOT_FOUND',
        'version',
      );

      const versions = await s.call('GET', `/v1/scripts/${id}/versions`);
      expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(versions.body.items.every((v: object) => !('body' in v) && !('source' in v))).toBe(true);
      expect(versions.body.items.every((v: { publishedAt: number | null }) => v.publishedAt !== null)).toBe(true);
      expectError(await s.call('GET', `/v1/scripts/${id}/versions/3`), 404, 'SCRIPT_VERSION_NOT_FOUND', 'version');
      expectError(await s.call('GET', `/v1/scripts/${id}/versions/two`), 400, 'VALIDATION_FAILED');
      expectError(await s.call('GET', '/v1/scripts/nope'), 404, 'SCRIPT_NOT_FOUND', 'scriptId');
      expectError(await s.call('PATCH', '/v1/scripts/nope', { body: { name: 'x' } }), 404, 'SCRIPT_NOT_FOUND');
    });

    it('lists scripts newest first by cursor; an operator key may not', async () => {
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Reply = await s.call('GET', `/v1/scripts?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        all.push(...page.body.items.map((x: { id: string }) => x.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(all).toContain(s.scriptId);
      expect(new Set(all).size).toBe(all.length);
      expectError(await s.call('GET', '/v1/scripts', { token: s.operatorApiKey }), 403, 'FORBIDDEN');
    });

    it('job groups run a published version, show it, keep it, and re-pin when asked', async () => {
      const id = (await s.call('POST', '/v1/scripts', { body: { source: reminderSource() } })).body.id;
      const group = { name: 'reminders', lineGroupIds: [s.lineGroupId], scriptId: id };
      expectError(await s.call('POST', '/v1/job-groups', { body: group }), 400, 'SCRIPT_NOT_PUBLISHED', 'scriptId');
      await s.call('POST', `/v1/scripts/${id}/publish`);
      const created = await s.call('POST', '/v1/job-groups', { body: group });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ scriptId: id, scriptVersion: 1 });

      await s.call('PATCH', `/v1/scripts/${id}`, {
        body: { source: reminderSource({ say: 'v2 ${amount} ${dueDate}' }) },
      });
      await s.call('POST', `/v1/scripts/${id}/publish`);
      expect((await s.call('GET', `/v1/job-groups/${created.body.id}`)).body.scriptVersion).toBe(1);
      const repinned = await s.call('PATCH', `/v1/job-groups/${created.body.id}`, { body: { scriptVersion: 2 } });
      expect(repinned.body.scriptVersion).toBe(2);
      expectError(
        await s.call('PATCH', `/v1/job-groups/${created.body.id}`, { body: { scriptVersion: 9 } }),
        400,
        'SCRIPT_NOT_PUBLISHED',
        'scriptVersion',
      );
      expectError(
        await s.call('PATCH', `/v1/job-groups/${created.body.id}`, { body: { scriptVersion: 0 } }),
        400,
        'VALIDATION_FAILED',
        'body.scriptVersion',
      );

      const missing = await s.call('POST', `/v1/job-groups/${created.body.id}/jobs`, {
        body: {
          jobs: [
            { referenceId: 'r1', contacts: [{ phoneNumber: '13800138000' }], extras: [{ key: 'amount', value: '$5' }] },
          ],
        },
      });
      expectError(missing, 400, 'MISSING_VARIABLE', 'jobs[0].extras.dueDate');
      expect(missing.body.error.message).toContain("'dueDate'");
    });

    it('documents the script endpoints in OpenAPI under the scripts tag', async () => {
      const doc = (await s.call('GET', '/openapi.json', { token: null })).body;
      for (const path of [
        '/v1/scripts',
        '/v1/scripts/check',
        '/v1/scripts/{id}',
        '/v1/scripts/{id}/publish',
        '/v1/scripts/{id}/versions',
        '/v1/scripts/{id}/versions/{version}',
      ]) {
        expect(Object.keys(doc.paths)).toContain(path);
      }
      expect(doc.paths['/v1/scripts'].post.tags).toEqual(['scripts']);
      expect(doc.paths['/v1/scripts'].post.summary).toBeTypeOf('string');
    });
  });
}
