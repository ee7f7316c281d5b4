import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { JOB_GROUP_STATUSES } from '../../../core/enums.js';
import { createJobGroup } from '../../../service/createJobGroup.js';
import {
  cancelJobGroup,
  deleteJobGroup,
  getJobGroupOf,
  jobGroupProgress,
  listJobGroups,
  pauseJobGroup,
  resumeJobGroup,
  startJobGroup,
  updateJobGroup,
} from '../../../service/jobGroups/index.js';
import { callerInstance } from '../auth.js';
import type { RestContext } from '../context.js';
import { typed } from '../context.js';
import { jobGroupView } from '../present.js';
import {
  createJobGroupBody,
  csvEnum,
  cursorQuery,
  errorSchema,
  idParams,
  instantParam,
  jobGroupSchema,
  pageOf,
  progressSchema,
  updateJobGroupBody,
} from '../schemas.js';

const tags = ['job groups'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Job groups (campaigns): create, read, change, list, start/pause/resume/cancel, delete, progress. */
export function jobGroupRoutes(app: FastifyInstance, { deps }: RestContext): void {
  const r = typed(app);

  r.post(
    '/v1/job-groups',
    {
      schema: {
        tags,
        summary: 'Create a job group (Draft until jobs are assigned or it is started)',
        body: createJobGroupBody,
        response: { 201: jobGroupSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(jobGroupView(await createJobGroup(deps, { instanceId: callerInstance(req), ...req.body }))),
  );

  r.get(
    '/v1/job-groups',
    {
      schema: {
        tags,
        summary: 'List job groups, newest first',
        querystring: z
          .object({
            ...cursorQuery,
            status: csvEnum(JOB_GROUP_STATUSES).optional().describe('comma-separated statuses, any of them'),
            search: z.string().max(200).optional().describe('part of the name, any case'),
            createdFrom: instantParam.optional(),
            createdTo: instantParam.optional(),
          })
          .strict(),
        response: { 200: pageOf(jobGroupSchema), ...errors },
      },
    },
    async (req) => {
      const q = req.query;
      const page = await listJobGroups(
        deps,
        {
          instanceId: callerInstance(req),
          statuses: q.status,
          search: q.search,
          createdFrom: q.createdFrom,
          createdTo: q.createdTo,
        },
        { kind: 'cursor', limit: q.limit, cursor: q.cursor },
      );
      return { items: page.items.map(jobGroupView), nextCursor: page.nextCursor ?? null };
    },
  );

  r.get(
    '/v1/job-groups/:id',
    { schema: { tags, summary: 'Read a job group', params: idParams, response: { 200: jobGroupSchema, ...errors } } },
    async (req) => jobGroupView(await getJobGroupOf(deps, callerInstance(req), req.params.id)),
  );

  r.patch(
    '/v1/job-groups/:id',
    {
      schema: {
        tags,
        summary: 'Change a job group; a new strategy re-plans its waiting jobs',
        params: idParams,
        body: updateJobGroupBody,
        response: { 200: jobGroupSchema, ...errors },
      },
    },
    async (req) => jobGroupView(await updateJobGroup(deps, callerInstance(req), req.params.id, req.body)),
  );

  r.delete(
    '/v1/job-groups/:id',
    {
      schema: {
        tags,
        summary: 'Delete a job group with its jobs and tasks, when no call of it runs and it is not scheduling',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteJobGroup(deps, callerInstance(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  const commands = {
    start: [startJobGroup, 'Start a Draft group'],
    pause: [pauseJobGroup, 'Pause: no new calls; calls in flight finish'],
    resume: [resumeJobGroup, 'Resume a paused group'],
    cancel: [cancelJobGroup, 'Cancel the group and every unfinished job of it'],
  } as const;
  for (const [name, [run, summary]] of Object.entries(commands)) {
    r.post(
      `/v1/job-groups/:id/${name}`,
      { schema: { tags, summary, params: idParams, response: { 200: jobGroupSchema, ...errors } } },
      async (req) => jobGroupView(await run(deps, callerInstance(req), req.params.id)),
    );
  }

  r.get(
    '/v1/job-groups/:id/progress',
    {
      schema: {
        tags,
        summary: 'Counts by JobStatus, failure reasons, attempts, answer rate, start and finish times',
        params: idParams,
        response: { 200: progressSchema, ...errors },
      },
    },
    async (req) => jobGroupProgress(deps, callerInstance(req), req.params.id),
  );
}
