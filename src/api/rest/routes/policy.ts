import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { OutdialError } from '../../../core/errors.js';
import { PRESETS } from '../../../core/policy/presets.js';
import { POLICY_PRESETS } from '../../../core/policy/types.js';
import { addListEntries } from '../../../service/policy/addListEntries.js';
import { getPolicy } from '../../../service/policy/getPolicy.js';
import { importNumberList } from '../../../service/policy/importNumberList.js';
import { listNumberList } from '../../../service/policy/listNumberList.js';
import { listRefusalsOfJob } from '../../../service/policy/listRefusalsOfJob.js';
import { MAX_LIST_NUMBERS_PER_CALL } from '../../../service/policy/parseListNumbers.js';
import type { PolicyView } from '../../../service/policy/policyView.js';
import { putPolicy } from '../../../service/policy/putPolicy.js';
import { removeListEntries } from '../../../service/policy/removeListEntries.js';
import { GLOBAL_SCOPE, type NumberList, type NumberListEntry } from '../../../store/policy/numberListEntry.js';
import { callerInstance, requireOperator } from '../auth.js';
import type { RestContext } from '../context.js';
import { typed } from '../context.js';
import { cursorQuery, errorSchema, idParams, instantParam, pageOf, refusalSchema, refusalView } from '../schemas.js';

const tags = ['policy'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 415: errorSchema };
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];

const ms = z.number().int().describe('UTC milliseconds');
const clockWindow = z.object({ begin: z.string(), end: z.string() });
const period = z.object({ days: z.array(z.number().int()), windows: z.array(clockWindow) });
const burst = z.object({ count: z.number().int(), minutes: z.number().int() });
const verification = z.object({ url: z.string(), timeoutMs: z.number().int(), onTimeout: z.enum(['allow', 'refuse']) });

const settingsSchema = z
  .object({
    presets: z.array(z.enum(POLICY_PRESETS)),
    basePeriod: period.optional().describe("days (0 = Sunday) and HH:mm windows in the callee's zone"),
    perNumber: z
      .object({
        perLocalDay: z.number().int().optional(),
        per24h: z.number().int().optional(),
        per7Days: z.number().int().optional(),
        burst: burst.optional(),
      })
      .optional()
      .describe('attempts to one number across all job groups of the instance'),
    perJobPerDay: z.number().int().optional(),
    emptyNumberDays: z.number().int().optional(),
    quietDaysAfterConversation: z.number().int().optional(),
    minRingSeconds: z.number().int().optional(),
    allowListOnly: z.boolean().optional(),
    useGlobalBlockList: z.boolean().optional(),
    verification: verification.optional(),
  })
  .meta({ id: 'PolicySettings' });

const effectiveSchema = z
  .object({
    basePeriod: period.nullable(),
    perNumber: z.object({
      perLocalDay: z.number().int().nullable(),
      per24h: z.number().int().nullable(),
      per7Days: z.number().int().nullable(),
      burst: burst.nullable(),
    }),
    perJobPerDay: z.number().int().nullable(),
    emptyNumberDays: z.number().int(),
    quietDaysAfterConversation: z.number().int(),
    minRingSeconds: z.number().int(),
    allowListOnly: z.boolean(),
    useGlobalBlockList: z.boolean(),
    verification: verification.nullable(),
    sources: z
      .record(z.string(), z.string())
      .describe('per rule in force, the preset (with its regulation) or settings'),
  })
  .meta({ id: 'EffectivePolicy' });

const policySchema = z
  .object({ settings: settingsSchema, effective: effectiveSchema, modifiedAt: ms.nullable() })
  .meta({ id: 'ContactPolicy' });

const entrySchema = z
  .object({
    pattern: z.string().describe('an E.164 number, or a prefix ending in *'),
    reason: z.string(),
    expiresAt: ms.nullable(),
    createdAt: ms,
  })
  .meta({ id: 'NumberListEntry' });

const importReportSchema = z.object({
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), value: z.string(), message: z.string() })),
  errorsTruncated: z.boolean(),
});

const numbers = z
  .array(z.string().max(64))
  .min(1)
  .max(MAX_LIST_NUMBERS_PER_CALL)
  .describe('numbers (any form a job number takes) or prefixes ending in * (+86138*, or national 138*)');

const policyView = (v: PolicyView) => ({
  settings: v.settings,
  effective: { ...v.effective, verification: v.effective.verification ?? null },
  modifiedAt: v.modifiedAt,
});
const entryView = (e: NumberListEntry) => ({
  pattern: e.pattern,
  reason: e.reason,
  expiresAt: e.expiresAt,
  createdAt: e.createdAt,
});

/** One list as REST shows it: where it lives and who may change it. */
interface ListRoute {
  path: string;
  list: NumberList;
  name: string;
  /** The list's scope for this caller; throws FORBIDDEN when the caller may not use it. */
  scopeOf(req: FastifyRequest): string;
}

const LISTS: ListRoute[] = [
  { path: '/v1/block-list', list: 'block', name: 'block list', scopeOf: callerInstance },
  { path: '/v1/allow-list', list: 'allow', name: 'allow list', scopeOf: callerInstance },
  {
    path: '/v1/global-block-list',
    list: 'block',
    name: "operator's global block list (operator key)",
    scopeOf: (req) => {
      requireOperator(req);
      return GLOBAL_SCOPE;
    },
  },
];

/** The contact policy: settings and presets, block and allow lists, the global block list, refusals of a job. */
export function policyRoutes(app: FastifyInstance, { deps }: RestContext): void {
  // The CSV body stays a stream (a million-row list is never held in memory); the jobs upload may have set it up.
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser(CSV_TYPES, (_req, payload, done) => done(null, payload));
  }
  const r = typed(app);

  r.get(
    '/v1/policy',
    {
      schema: {
        tags,
        summary: "The instance's contact policy: its settings and the rules in force, each with its source",
        response: { 200: policySchema, ...errors },
      },
    },
    async (req) => policyView(await getPolicy(deps, callerInstance(req))),
  );

  r.put(
    '/v1/policy',
    {
      schema: {
        tags,
        summary: "Replace the instance's contact-policy settings; presets and settings combine by tightest-wins",
        description:
          'Body: { presets: [cn-carrier|us-tcpa|us-reg-f], basePeriod: { days, windows: [{begin, end}] }, perNumber: { perLocalDay, per24h, per7Days, burst: { count, minutes } }, perJobPerDay, emptyNumberDays, quietDaysAfterConversation, minRingSeconds, allowListOnly, useGlobalBlockList, verification: { url, timeoutMs, onTimeout } }; every field optional.',
        body: z.record(z.string(), z.unknown()).describe('PolicySettings'),
        response: { 200: policySchema, ...errors },
      },
    },
    async (req) => policyView(await putPolicy(deps, callerInstance(req), req.body)),
  );

  r.get(
    '/v1/policy/presets',
    {
      schema: {
        tags,
        summary: 'The regulatory presets an instance may adopt, with the regulation behind each rule',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                name: z.enum(POLICY_PRESETS),
                description: z.string(),
                settings: settingsSchema.omit({ presets: true }),
                sources: z.record(z.string(), z.string()),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async () => ({
      items: POLICY_PRESETS.map((name) => ({ name, ...PRESETS[name] })),
    }),
  );

  for (const l of LISTS) {
    r.get(
      l.path,
      {
        schema: {
          tags,
          summary: `List the ${l.name} in pattern order (expired entries are left out)`,
          querystring: z
            .object({
              ...cursorQuery,
              prefix: z.string().max(40).optional().describe('the start of a number, e.g. +86138 or 138'),
            })
            .strict(),
          response: { 200: pageOf(entrySchema), ...errors },
        },
      },
      async (req) => {
        const page = await listNumberList(
          deps,
          {
            scope: l.scopeOf(req),
            list: l.list,
            ...(req.query.prefix !== undefined ? { prefix: req.query.prefix } : {}),
          },
          { kind: 'cursor', limit: req.query.limit, cursor: req.query.cursor },
        );
        return { items: page.items.map(entryView), nextCursor: page.nextCursor ?? null };
      },
    );

    r.post(
      l.path,
      {
        schema: {
          tags,
          summary: `Add numbers and prefixes to the ${l.name}: all, or none on the first bad one (at most ${MAX_LIST_NUMBERS_PER_CALL})`,
          description: 'An entry already listed gets the new expiry, and the new reason when one is given.',
          body: z
            .object({
              numbers,
              reason: z.string().max(1000).optional(),
              expiresAt: ms.nullable().optional().describe('when the entries stop applying; absent = never'),
            })
            .strict(),
          response: { 200: z.object({ stored: z.number().int(), patterns: z.array(z.string()) }), ...errors },
        },
      },
      async (req) => addListEntries(deps, { scope: l.scopeOf(req), list: l.list, ...req.body }),
    );

    r.delete(
      l.path,
      {
        schema: {
          tags,
          summary: `Remove entries from the ${l.name} (a prefix removes that prefix entry)`,
          body: z.object({ numbers }).strict(),
          response: { 200: z.object({ removed: z.number().int() }), ...errors },
        },
      },
      async (req) => removeListEntries(deps, { scope: l.scopeOf(req), list: l.list, numbers: req.body.numbers }),
    );

    r.post(
      `${l.path}/import`,
      {
        schema: {
          tags,
          summary: `Import the ${l.name} from CSV (content-type text/csv), streamed; returns a per-row error report`,
          description:
            'One number or prefix per row: the column named `number` (any case), or the first column; an optional `reason` column. A file whose first line is a number has no header. Rows are stored in chunks as the upload streams in; an entry already listed is updated.',
          querystring: z
            .object({
              reason: z.string().max(1000).optional().describe('for rows without a reason of their own'),
              expiresAt: instantParam.optional().describe('UTC ms or ISO 8601; absent = never'),
              delimiter: z.string().max(4).optional().describe(', ; or tab (default ,)'),
            })
            .strict(),
          response: { 200: importReportSchema, ...errors },
        },
      },
      async (req) => {
        const scope = l.scopeOf(req);
        const csv = req.body as Readable | undefined;
        if (!csv || typeof (csv as Readable).pipe !== 'function') {
          throw new OutdialError('UNSUPPORTED_MEDIA_TYPE', `send the file with content-type ${CSV_TYPES[0]}`);
        }
        const { reason, expiresAt, delimiter } = req.query;
        return importNumberList(deps, {
          scope,
          list: l.list,
          csv,
          ...(reason !== undefined ? { reason } : {}),
          ...(expiresAt !== undefined ? { expiresAt } : {}),
          ...(delimiter !== undefined ? { delimiter: delimiter === 'tab' ? '\t' : delimiter } : {}),
        });
      },
    );
  }

  r.get(
    '/v1/jobs/:id/refusals',
    {
      schema: {
        tags,
        summary: "A job's audit trail: each dial the contact policy refused or deferred, newest first",
        params: idParams,
        querystring: z.object(cursorQuery).strict(),
        response: { 200: pageOf(refusalSchema), ...errors },
      },
    },
    async (req) => {
      const page = await listRefusalsOfJob(deps, callerInstance(req), req.params.id, {
        kind: 'cursor',
        limit: req.query.limit,
        cursor: req.query.cursor,
      });
      return {
        items: page.items.map(refusalView),
        nextCursor: page.nextCursor ?? null,
      };
    },
  );
}
