import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FailureReason, JobStatus } from '../../../core/enums.js';
import { assignJobs } from '../../../service/assignJobs.js';
import { getJobGroupOf } from '../../../service/jobGroups/index.js';
import { changeJobs, getJobOf, type JobCommand, listJobs } from '../../../service/jobs/index.js';
import { recentRefusalsOfJob } from '../../../service/policy/listRefusalsOfJob.js';
import { callerInstance } from '../auth.js';
import type { RestContext } from '../context.js';
import { typed } from '../context.js';
import { jobView, taskView } from '../present.js';
import {
  csvEnum,
  cursorQuery,
  errorSchema,
  FAILURE_REASON_NAMES,
  idParams,
  instantParam,
  JOB_STATUS_NAMES,
  jobInput,
  jobSchema,
  jobSelection,
  pageOf,
  refusalSchema,
  refusalView,
  stopCallingSelection,
  strategyInput,
  taskSchema,
} from '../schemas.js';

const tags = ['jobs'];
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
};

export const MAX_JOBS_PER_ASSIGN = 10_000;

/** Refusals shown on a job's detail. */
const RECENT_REFUSALS = 10;

/** Jobs: bulk assign, list with filters, detail with every task, cancel/suspend/resume. */
export function jobRoutes(app: FastifyInstance, { deps }: RestContext): void {
  const r = typed(app);

  r.post(
    '/v1/job-groups/:id/jobs',
    {
      schema: {
        tags,
        summary: `Assign jobs to a group: all of them or, on any error, none (at most ${MAX_JOBS_PER_ASSIGN} per call)`,
        params: idParams,
        body: z
          .object({
            jobs: z.array(jobInput).min(1).max(MAX_JOBS_PER_ASSIGN),
            strategy: strategyInput.optional().describe("overrides the group's strategy for these jobs"),
          })
          .strict(),
        response: { 201: z.object({ jobGroupId: z.string(), jobIds: z.array(z.string()) }), ...errors },
      },
    },
    async (req, reply) => {
      await getJobGroupOf(deps, callerInstance(req), req.params.id);
      const result = await assignJobs(deps, {
        jobGroupId: req.params.id,
        jobs: req.body.jobs,
        strategy: req.body.strategy,
      });
      deps.wake?.();
      return reply.code(201).send(result);
    },
  );

  r.get(
    '/v1/jobs',
    {
      schema: {
        tags,
        summary: 'List jobs in assignment order',
        querystring: z
          .object({
            ...cursorQuery,
            jobGroupId: z.string().max(64).optional(),
            status: csvEnum(JOB_STATUS_NAMES).optional().describe('comma-separated JobStatus names'),
            failureReason: csvEnum(FAILURE_REASON_NAMES).optional().describe('comma-separated FailureReason names'),
            phoneNumber: z.string().max(40).optional().describe('as typed; matched on its E.164 form'),
            referenceId: z.string().max(128).optional(),
            createdFrom: instantParam.optional(),
            createdTo: instantParam.optional(),
            finishedFrom: instantParam.optional(),
            finishedTo: instantParam.optional(),
          })
          .strict(),
        response: { 200: pageOf(jobSchema), ...errors },
      },
    },
    async (req) => {
      const q = req.query;
      const page = await listJobs(
        deps,
        {
          instanceId: callerInstance(req),
          jobGroupId: q.jobGroupId,
          statuses: q.status?.map((s) => JobStatus[s]),
          failureReasons: q.failureReason?.map((f) => FailureReason[f]),
          phoneNumber: q.phoneNumber,
          referenceId: q.referenceId,
          createdFrom: q.createdFrom,
          createdTo: q.createdTo,
          finishedFrom: q.finishedFrom,
          finishedTo: q.finishedTo,
        },
        { kind: 'cursor', limit: q.limit, cursor: q.cursor },
      );
      return { items: page.items.map(jobView), nextCursor: page.nextCursor ?? null };
    },
  );

  r.get(
    '/v1/jobs/:id',
    {
      schema: {
        tags,
        summary: 'A job with all its tasks (call attempts)',
        params: idParams,
        response: {
          200: jobSchema.extend({
            tasks: z.array(taskSchema),
            recentRefusals: z
              .array(refusalSchema)
              .describe(
                `the ${RECENT_REFUSALS} latest dials the contact policy refused or deferred, newest first; all of them: /v1/jobs/{id}/refusals`,
              ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const { job, tasks } = await getJobOf(deps, callerInstance(req), req.params.id);
      const refusals = await recentRefusalsOfJob(deps, job.id, RECENT_REFUSALS);
      return { ...jobView(job), tasks: tasks.map(taskView), recentRefusals: refusals.map(refusalView) };
    },
  );

  const commands: Record<JobCommand, string> = {
    cancel: 'Cancel jobs: unfinished ones end Cancelled (a call in flight finishes)',
    suspend: 'Suspend jobs: no new call until resumed',
    resume: 'Resume suspended jobs: re-planned by their strategy from now',
    'stop-calling':
      'Stop calling the contacts (they asked not to be called): unfinished jobs fail ContactSuspended (a call in flight finishes); blockNumbers also puts their numbers on the block list',
  };
  for (const [command, summary] of Object.entries(commands) as [JobCommand, string][]) {
    r.post(
      `/v1/jobs/${command}`,
      {
        schema: {
          tags,
          summary: `${summary}; by jobIds, referenceIds, or all (of jobGroupId or the instance)`,
          body: command === 'stop-calling' ? stopCallingSelection : jobSelection,
          response: { 200: z.object({ matched: z.number().int(), changed: z.number().int() }), ...errors },
        },
      },
      async (req) => {
        const result = await changeJobs(deps, { instanceId: callerInstance(req), command, ...req.body });
        if (command === 'resume') deps.wake?.();
        return result;
      },
    );
    r.post(
      `/v1/jobs/:id/${command}`,
      {
        schema: {
          tags,
          summary,
          params: idParams,
          response: { 200: z.object({ matched: z.number().int(), changed: z.number().int() }), ...errors },
        },
      },
      async (req) => {
        const result = await changeJobs(deps, { instanceId: callerInstance(req), command, jobIds: [req.params.id] });
        if (command === 'resume') deps.wake?.();
        return result;
      },
    );
  }
}
