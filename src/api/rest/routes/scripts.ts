import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SCRIPT_STATUSES, type Script } from '../../../core/types.js';
import {
  checkScript,
  createScript,
  getScriptOf,
  getScriptVersionOf,
  listScripts,
  listScriptVersions,
  publishScript,
  updateScript,
} from '../../../service/catalog/scripts.js';
import type { ScriptVersionInfo } from '../../../store/scripts/scriptVersion.js';
import { callerInstance } from '../auth.js';
import type { RestContext } from '../context.js';
import { typed } from '../context.js';
import { cursorQuery, errorSchema, idParams, pageOf, scriptIssueSchema } from '../schemas.js';

const tags = ['scripts'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const ms = z.number().int().describe('UTC milliseconds');

const scriptSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    industry: z.string(),
    scene: z.string(),
    language: z.string().describe('zh or en'),
    status: z.enum(SCRIPT_STATUSES).describe('PUBLISHED once a version has been published'),
    latestVersion: z.number().int().describe('versions written so far'),
    publishedVersion: z.number().int().nullable().describe('the version new job groups run; null until published'),
    createdAt: ms,
    modifiedAt: ms,
  })
  .meta({ id: 'Script' });

const versionInfoSchema = z
  .object({
    version: z.number().int(),
    createdAt: ms,
    publishedAt: ms.nullable().describe('when it was first published; null while a draft'),
  })
  .meta({ id: 'ScriptVersionInfo' });

const versionSchema = versionInfoSchema
  .extend({
    body: z.record(z.string(), z.unknown()).describe('the validated script, defaults filled in: what the robot runs'),
    source: z.string().describe('the script as it was sent (YAML or JSON)'),
  })
  .meta({ id: 'ScriptVersion' });

const checkSchema = z
  .object({ ok: z.boolean(), errors: z.array(scriptIssueSchema), warnings: z.array(scriptIssueSchema) })
  .meta({ id: 'ScriptCheck' });

const bodyFields = {
  source: z.string().min(1).max(1_000_000).optional().describe('the script as YAML or JSON text'),
  script: z.record(z.string(), z.unknown()).optional().describe('the script as an object (instead of source)'),
};
const metadataFields = {
  name: z.string().min(1).max(200).optional().describe("default: the script's own name"),
  description: z.string().max(2000).optional(),
  industry: z.string().max(2000).optional(),
  scene: z.string().max(2000).optional(),
};

const scriptView = (s: Script) => ({
  id: s.id,
  name: s.name,
  description: s.description,
  industry: s.industry,
  scene: s.scene,
  language: s.language,
  status: s.status,
  latestVersion: s.latestVersion,
  publishedVersion: s.publishedVersion,
  createdAt: s.createdAt,
  modifiedAt: s.modifiedAt,
});

const versionInfoView = (v: ScriptVersionInfo) => ({
  version: v.version,
  createdAt: v.createdAt,
  publishedAt: v.publishedAt,
});

const versionParams = idParams.extend({ version: z.coerce.number().int().min(1).max(1_000_000_000) });

/** Scripts (话术): versions of a body, published for job groups to run; and a check that stores nothing. */
export function scriptRoutes(app: FastifyInstance, { deps }: RestContext): void {
  const r = typed(app);

  r.post(
    '/v1/scripts',
    {
      schema: {
        tags,
        summary: 'Create a script from its body (source or script): version 1, a draft until published',
        body: z.object({ ...bodyFields, ...metadataFields }).strict(),
        response: { 201: scriptSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(scriptView(await createScript(deps, { instanceId: callerInstance(req), ...req.body }))),
  );

  r.post(
    '/v1/scripts/check',
    {
      schema: {
        tags,
        summary: 'Validate and lint a script (source or script); nothing is stored',
        body: z.object(bodyFields).strict(),
        response: { 200: checkSchema, ...errors },
      },
    },
    async (req) => checkScript(req.body),
  );

  r.get(
    '/v1/scripts',
    {
      schema: {
        tags,
        summary: 'List scripts, newest first',
        querystring: z.object(cursorQuery).strict(),
        response: { 200: pageOf(scriptSchema), ...errors },
      },
    },
    async (req) => {
      const page = await listScripts(deps, callerInstance(req), {
        kind: 'cursor',
        limit: req.query.limit,
        cursor: req.query.cursor,
      });
      return { items: page.items.map(scriptView), nextCursor: page.nextCursor ?? null };
    },
  );

  r.get(
    '/v1/scripts/:id',
    { schema: { tags, summary: 'Read a script', params: idParams, response: { 200: scriptSchema, ...errors } } },
    async (req) => scriptView(await getScriptOf(deps, callerInstance(req), req.params.id)),
  );

  r.patch(
    '/v1/scripts/:id',
    {
      schema: {
        tags,
        summary: 'Change a script: a new body is a new version (a draft); metadata alone makes none',
        params: idParams,
        body: z.object({ ...bodyFields, ...metadataFields }).strict(),
        response: { 200: scriptSchema, ...errors },
      },
    },
    async (req) => scriptView(await updateScript(deps, callerInstance(req), req.params.id, req.body)),
  );

  r.post(
    '/v1/scripts/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a version (default: the latest); job groups given the script from now on run it',
        params: idParams,
        body: z
          .object({ version: z.number().int().min(1).optional().describe('default: the latest version') })
          .strict()
          .nullish()
          .describe('may be left out: publishes the latest version'),
        response: { 200: scriptSchema, ...errors },
      },
    },
    async (req) => scriptView(await publishScript(deps, callerInstance(req), req.params.id, req.body?.version)),
  );

  r.get(
    '/v1/scripts/:id/versions',
    {
      schema: {
        tags,
        summary: "The script's versions, newest first, without bodies",
        params: idParams,
        response: { 200: z.object({ items: z.array(versionInfoSchema) }), ...errors },
      },
    },
    async (req) => ({
      items: (await listScriptVersions(deps, callerInstance(req), req.params.id)).map(versionInfoView),
    }),
  );

  r.get(
    '/v1/scripts/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'One version with its body and the source it was written as',
        params: versionParams,
        response: { 200: versionSchema, ...errors },
      },
    },
    async (req) => {
      const v = await getScriptVersionOf(deps, callerInstance(req), req.params.id, req.params.version);
      return { ...versionInfoView(v), body: v.body, source: v.source };
    },
  );
}
