import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addLine,
  deleteLineGroup,
  getLineGroupOf,
  listLineGroups,
  removeLine,
  updateLineGroup,
} from '../../../service/catalog/lineGroups.js';
import { createLineGroup } from '../../../service/createLineGroup.js';
import { callerInstance } from '../auth.js';
import type { RestContext } from '../context.js';
import { typed } from '../context.js';
import { lineGroupView } from '../present.js';
import { errorSchema, idParams, lineGroupSchema } from '../schemas.js';

const tags = ['line groups'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const callingNumber = z.string().min(3).max(32).describe('the caller number presented on this line');

/** Line groups: ordered lines (caller numbers) with a shared capacity and calls-per-second ceiling. */
export function lineGroupRoutes(app: FastifyInstance, { deps }: RestContext): void {
  const r = typed(app);

  r.post(
    '/v1/line-groups',
    {
      schema: {
        tags,
        summary: 'Create a line group',
        body: z
          .object({
            name: z.string().min(1).max(200),
            callingNumbers: z.array(callingNumber).min(1).max(10_000).describe('one line per number, tried in order'),
            lineCapacity: z.number().int().min(1).optional().describe('concurrent calls per line (default 1)'),
            capacity: z
              .number()
              .int()
              .min(1)
              .optional()
              .describe('concurrent calls for the group (default: sum of lines)'),
            callsPerSecond: z.number().min(0).optional().describe('call starts per second for the group; 0 = no limit'),
          })
          .strict(),
        response: { 201: lineGroupSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(lineGroupView(await createLineGroup(deps, { instanceId: callerInstance(req), ...req.body }))),
  );

  r.get(
    '/v1/line-groups',
    {
      schema: {
        tags,
        summary: 'List line groups',
        response: { 200: z.object({ items: z.array(lineGroupSchema) }), ...errors },
      },
    },
    async (req) => ({ items: (await listLineGroups(deps, callerInstance(req))).map(lineGroupView) }),
  );

  r.get(
    '/v1/line-groups/:id',
    { schema: { tags, summary: 'Read a line group', params: idParams, response: { 200: lineGroupSchema, ...errors } } },
    async (req) => lineGroupView(await getLineGroupOf(deps, callerInstance(req), req.params.id)),
  );

  r.patch(
    '/v1/line-groups/:id',
    {
      schema: {
        tags,
        summary: 'Change a line group',
        params: idParams,
        body: z
          .object({
            name: z.string().min(1).max(200).optional(),
            capacity: z.number().int().min(1).optional(),
            callsPerSecond: z.number().min(0).optional(),
          })
          .strict(),
        response: { 200: lineGroupSchema, ...errors },
      },
    },
    async (req) => lineGroupView(await updateLineGroup(deps, callerInstance(req), req.params.id, req.body)),
  );

  r.delete(
    '/v1/line-groups/:id',
    {
      schema: {
        tags,
        summary: 'Delete a line group no job group uses',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteLineGroup(deps, callerInstance(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/v1/line-groups/:id/lines',
    {
      schema: {
        tags,
        summary: 'Add a line (tried after the existing ones)',
        params: idParams,
        body: z.object({ callingNumber, capacity: z.number().int().min(1).optional() }).strict(),
        response: { 201: lineGroupSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(lineGroupView(await addLine(deps, callerInstance(req), req.params.id, req.body))),
  );

  r.delete(
    '/v1/line-groups/:id/lines/:lineId',
    {
      schema: {
        tags,
        summary: 'Remove a line (a group keeps at least one)',
        params: idParams.extend({ lineId: z.string().min(1).max(64) }),
        response: { 200: lineGroupSchema, ...errors },
      },
    },
    async (req) => lineGroupView(await removeLine(deps, callerInstance(req), req.params.id, req.params.lineId)),
  );
}
