import { z } from 'zod';
import { FailureReason, JOB_GROUP_STATUSES, JobStatus, TaskStatus } from '../../core/enums.js';
import type { PolicyRefusal } from '../../store/policy/insertRefusals.js';

/** zod schemas of REST /v1: they validate requests and are the OpenAPI document's source. */

const ms = z.number().int().describe('UTC milliseconds');
const nullableMs = ms.nullable();

/** An instant in a query string: UTC milliseconds or an ISO 8601 date-time. */
export const instantParam = z
  .string()
  .transform((s, ctx) => {
    const n = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'must be UTC milliseconds or an ISO 8601 date-time' });
      return z.NEVER;
    }
    return n;
  })
  .pipe(z.number());

/** A comma-separated list in a query string, each item one of `values`. */
export const csvEnum = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1));

const names = <T extends Record<string, number>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
export const JOB_STATUS_NAMES = names(JobStatus);
export const FAILURE_REASON_NAMES = names(FailureReason);
export const TASK_STATUS_NAMES = names(TaskStatus);

/** One problem found in a script; line and column point into `source` when the script was sent as text. */
export const scriptIssueSchema = z
  .object({
    path: z.string().describe("where in the script, e.g. nodes.greet.branches[1].goto; '' for the whole of it"),
    code: z.string(),
    message: z.string(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
  })
  .meta({ id: 'ScriptIssue' });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('stable error code, e.g. VALIDATION_FAILED'),
      message: z.string(),
      field: z.string().optional().describe('the request field that was wrong'),
      issues: z.array(scriptIssueSchema).optional().describe('INVALID_SCRIPT: every problem found in the script'),
    }),
  })
  .meta({ id: 'Error' });

export const idParams = z.object({ id: z.string().min(1).max(64) });

export const cursorQuery = {
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('items per page (1–1000)'),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
};

export const instanceSchema = z
  .object({ id: z.string(), name: z.string(), description: z.string(), createdAt: ms })
  .meta({ id: 'Instance' });

export const apiKeySchema = z
  .object({
    id: z.string(),
    instanceId: z.string().nullable(),
    name: z.string(),
    createdAt: ms,
    revokedAt: nullableMs,
    token: z.string().optional().describe('the secret bearer token; shown only when the key is created or rotated'),
  })
  .meta({ id: 'ApiKey' });

export const accessKeySchema = z
  .object({
    accessKeyId: z.string(),
    instanceId: z.string(),
    createdAt: ms,
    revokedAt: nullableMs,
    accessKeySecret: z.string().optional().describe('shown only when the pair is created'),
  })
  .meta({ id: 'AccessKey' });

export const lineGroupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    capacity: z.number().int(),
    callsPerSecond: z.number(),
    createdAt: ms,
    lines: z.array(
      z.object({ id: z.string(), callingNumber: z.string(), capacity: z.number().int(), position: z.number().int() }),
    ),
  })
  .meta({ id: 'LineGroup' });

/** StrategyJson as Alibaba OutboundBot (and seed 003's work_hour/work_week/holiday) write it. */
export const strategyInput = z
  .union([z.record(z.string(), z.unknown()), z.string()])
  .describe(
    'StrategyJson: { repeatBy: once|week|month, repeatDays, workingTime: [{beginTime, endTime}], startTime, endTime (ms), maxAttemptsPerDay, minAttemptInterval (minutes), maxAttempts, holidays }; an object or the same as a JSON string',
  );

export const strategySchema = z
  .object({
    name: z.string().optional(),
    repeatBy: z.string().nullable(),
    repeatDays: z.array(z.number().int()),
    workingTime: z.array(z.object({ beginTime: z.string(), endTime: z.string() })),
    holidays: z.array(z.object({ begin: z.string(), end: z.string() })),
    startTime: nullableMs,
    endTime: nullableMs,
    maxAttemptsPerDay: z.number().int(),
    minAttemptInterval: z.number(),
    maxAttempts: z.number().int().nullable(),
  })
  .meta({ id: 'Strategy' });

export const recallStrategySchema = z
  .object({ emptyNumberIgnore: z.boolean(), inArrearsIgnore: z.boolean(), outOfServiceIgnore: z.boolean() })
  .meta({ id: 'RecallStrategy' });

export const jobGroupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    scriptId: z.string().nullable(),
    scriptVersion: z.number().int().nullable().describe('the script version its calls run'),
    status: z.enum(JOB_GROUP_STATUSES),
    priority: z.enum(['Urgent', 'Daily']),
    strategy: strategySchema,
    recallStrategy: recallStrategySchema,
    lineGroupIds: z.array(z.string()),
    ringingDuration: z.number().int(),
    concurrency: z.number().int(),
    timeZone: z.string(),
    createdAt: ms,
    modifiedAt: ms,
    startedAt: nullableMs,
    finishedAt: nullableMs,
    version: z.number().int(),
  })
  .meta({ id: 'JobGroup' });

const jobGroupFields = {
  name: z.string().min(1).max(200),
  description: z.string().max(2000),
  scriptId: z.string().max(64).nullable(),
  scriptVersion: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe(
      "a published version of the script to run; null or absent = the script's published version. Giving scriptId or scriptVersion pins it again",
    ),
  strategy: strategyInput,
  recallStrategy: z.union([z.record(z.string(), z.unknown()), z.string()]).describe('RecallStrategyJson'),
  lineGroupIds: z.array(z.string().max(64)).min(1).max(20).describe('line groups in failover order'),
  ringingDuration: z.number().int().describe('seconds a call rings before it counts as NoAnswer (5–120)'),
  concurrency: z.number().int().min(0).describe('concurrent calls; 0 = as many as the lines carry'),
  priority: z.enum(['Urgent', 'Daily']),
  timeZone: z.string().describe('IANA zone the working windows are read in'),
};

export const createJobGroupBody = z
  .object({
    ...jobGroupFields,
    description: jobGroupFields.description.optional(),
    scriptId: jobGroupFields.scriptId.optional(),
    scriptVersion: jobGroupFields.scriptVersion.optional(),
    strategy: jobGroupFields.strategy.optional(),
    recallStrategy: jobGroupFields.recallStrategy.optional(),
    ringingDuration: jobGroupFields.ringingDuration.optional(),
    concurrency: jobGroupFields.concurrency.optional(),
    priority: jobGroupFields.priority.optional(),
    timeZone: jobGroupFields.timeZone.optional(),
  })
  .strict();

export const updateJobGroupBody = z
  .object(
    Object.fromEntries(Object.entries(jobGroupFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof jobGroupFields]: z.ZodOptional<(typeof jobGroupFields)[K]>;
    },
  )
  .strict();

export const progressSchema = z
  .object({
    jobGroupId: z.string(),
    status: z.enum(JOB_GROUP_STATUSES),
    totalJobs: z.number().int(),
    jobsByStatus: z.record(z.string(), z.number().int()),
    failureReasons: z.record(z.string(), z.number().int()),
    tasksByStatus: z.record(z.string(), z.number().int()),
    attempts: z.number().int(),
    answered: z.number().int(),
    answerRate: z.number(),
    talkSeconds: z.number(),
    guardedDials: z
      .object({
        refused: z.record(z.string(), z.number().int()),
        deferred: z.record(z.string(), z.number().int()),
      })
      .optional(),
    firstCallAt: nullableMs,
    lastCallEndAt: nullableMs,
    startedAt: nullableMs,
    finishedAt: nullableMs,
  })
  .meta({ id: 'JobGroupProgress' });

export const jobInput = z
  .record(z.string(), z.unknown())
  .describe(
    'a JobsJson element: { referenceId?, contacts: [{ phoneNumber, name?, honorific?, referenceId? }], extras?: [{ key, value }], timeZone?, priority? }',
  );

export const taskSchema = z
  .object({
    id: z.string(),
    attempt: z.number().int(),
    status: z.enum(TASK_STATUS_NAMES),
    plannedTime: ms,
    actualTime: nullableMs,
    endTime: nullableMs,
    callingNumber: z.string(),
    calledNumber: z.string(),
    lineGroupId: z.string(),
    hangupCause: z.string().nullable(),
    sipCode: z.number().int().nullable(),
    ringDuration: z.number(),
    talkDuration: z.number(),
    recording: z
      .object({
        fileName: z.string(),
        url: z.string().describe('GET it with the API key: audio/wav, 8 kHz µ-law'),
        durationMs: z.number(),
        size: z.number().describe('bytes'),
      })
      .nullable()
      .describe('the call recording; null when none is kept (not answered, or recording off)'),
  })
  .meta({ id: 'Task' });

export const jobSchema = z
  .object({
    id: z.string(),
    jobGroupId: z.string(),
    referenceId: z.string(),
    status: z.enum(JOB_STATUS_NAMES),
    failureReason: z.enum(FAILURE_REASON_NAMES).nullable(),
    priority: z.number().int(),
    phoneNumber: z.string().describe('E.164, as dialled'),
    contacts: z.array(
      z.object({
        phoneNumber: z.string(),
        e164: z.string(),
        name: z.string(),
        honorific: z.string(),
        referenceId: z.string(),
      }),
    ),
    extras: z.array(z.object({ key: z.string(), value: z.string() })),
    timeZone: z.string().nullable(),
    strategy: strategySchema.nullable(),
    attempts: z.number().int(),
    nextAttemptAt: nullableMs,
    createdAt: ms,
    updatedAt: ms,
    finishedAt: nullableMs,
  })
  .meta({ id: 'Job' });

export const jobSelection = z
  .object({
    jobIds: z.array(z.string().max(64)).max(1000).optional(),
    referenceIds: z.array(z.string().max(128)).max(1000).optional(),
    jobGroupId: z.string().max(64).optional(),
    all: z.boolean().optional().describe('every job of jobGroupId, or of the instance when no group is named'),
  })
  .strict();

export const stopCallingSelection = jobSelection
  .extend({
    blockNumbers: z
      .boolean()
      .optional()
      .describe("also put the jobs' numbers on the instance's block list, so no job group dials them"),
  })
  .strict();

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const refusalSchema = z
  .object({
    id: z.string(),
    jobGroupId: z.string(),
    at: ms,
    verdict: z.enum(['refuse', 'defer']),
    reason: z.string().describe('a FailureReason name (refuse), or why the dial waits (defer)'),
    rule: z.string().describe('the rule and where it came from'),
  })
  .meta({ id: 'PolicyRefusal' });

export const refusalView = (f: PolicyRefusal): z.infer<typeof refusalSchema> => ({
  id: f.id,
  jobGroupId: f.jobGroupId,
  at: f.at,
  verdict: f.verdict,
  reason: f.reason,
  rule: f.rule,
});
