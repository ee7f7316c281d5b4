import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EVENT_TYPES } from '../../../core/events.js';
import { FORMAT_NAMES } from '../../../events/format.js';
import { SINK_KINDS } from '../../../events/openSink.js';
import { ACK_MODES } from '../../../events/sinks/webhook.js';
import {
  createSubscription,
  DELIVERY_STATUSES,
  deleteSubscription,
  getDeliveryOf,
  getSubscriptionOf,
  listDeliveries,
  listSubscriptions,
  RETRY_PRESETS,
  replayDeliveries,
  type SubscriptionDeps,
  testSubscription,
  updateSubscription,
} from '../../../events/subscriptions/index.js';
import { callerInstance } from '../auth.js';
import type { RestContext } from '../context.js';
import { typed } from '../context.js';
import { cursorQuery, errorSchema, idParams, pageOf } from '../schemas.js';

const tags = ['subscriptions'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const ms = z.number().int().describe('UTC milliseconds');

const presets = Object.keys(RETRY_PRESETS) as [keyof typeof RETRY_PRESETS, ...(keyof typeof RETRY_PRESETS)[]];
const retryInput = z
  .union([
    z.object({ preset: z.enum(presets) }).strict(),
    z.object({ scheduleSeconds: z.array(z.number().int().min(1)).max(50) }).strict(),
  ])
  .describe(
    'how often a failed delivery is tried again: preset exponential (1, 2, 4 … 512 minutes: 10 retries, the default) or every-minute (5 retries), or your own scheduleSeconds (the wait before each retry); after the last the delivery is dead',
  );

const filters = {
  eventTypes: z
    .array(z.enum(EVENT_TYPES))
    .min(1)
    .nullable()
    .optional()
    .describe('event types to send; absent or null: all'),
  jobGroupIds: z
    .array(z.string().min(1).max(64))
    .min(1)
    .max(1000)
    .nullable()
    .optional()
    .describe('job groups whose events to send; absent or null: all'),
  retry: retryInput.optional(),
  ackMode: z
    .enum(ACK_MODES)
    .optional()
    .describe('webhook: status = any 2xx acknowledges (default); success-body = 2xx and the body `success` (BaiYing)'),
  timeoutMs: z
    .number()
    .int()
    .min(100)
    .max(120_000)
    .optional()
    .describe('webhook: how long to wait for a reply (default 5000)'),
};

export const subscriptionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    sink: z.enum(SINK_KINDS),
    format: z.enum(FORMAT_NAMES),
    target: z.string().describe('where events go, without credentials'),
    eventTypes: z.array(z.string()).nullable(),
    jobGroupIds: z.array(z.string()).nullable(),
    retryScheduleSeconds: z.array(z.number().int()),
    ackMode: z.enum(ACK_MODES),
    timeoutMs: z.number().int(),
    status: z.enum(['active', 'paused']),
    createdAt: ms,
    modifiedAt: ms,
    secret: z
      .string()
      .optional()
      .describe('webhook signing secret (x-outdial-signature); shown only when the subscription is created'),
  })
  .meta({ id: 'Subscription' });

export const deliverySchema = z
  .object({
    id: z.string(),
    subscriptionId: z.string(),
    eventId: z.string(),
    jobId: z.string(),
    occurredAt: ms,
    status: z.enum(DELIVERY_STATUSES),
    nextAttemptAt: ms.nullable(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: ms,
    deliveredAt: ms.nullable(),
    attempts: z.array(
      z.object({
        attempt: z.number().int(),
        at: ms,
        ok: z.boolean(),
        status: z.number().int().nullable(),
        error: z.string().nullable(),
        durationMs: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Delivery' });

/** Subscriptions: where an instance's events go (webhook or broker), in which format, with which retries. */
export function subscriptionRoutes(app: FastifyInstance, { deps, box }: RestContext): void {
  const r = typed(app);
  const sd: SubscriptionDeps = {
    db: deps.db,
    clock: deps.clock,
    newId: deps.newId,
    box,
    ...(deps.deliveriesChanged ? { wakeDispatcher: deps.deliveriesChanged } : {}),
  };

  r.post(
    '/v1/subscriptions',
    {
      schema: {
        tags,
        summary: 'Subscribe to events',
        body: z
          .object({
            name: z.string().min(1).max(200),
            sink: z.enum(SINK_KINDS),
            format: z.enum(FORMAT_NAMES),
            config: z
              .record(z.string(), z.unknown())
              .describe(
                'webhook: { url, secret?, headers? }; rabbitmq: { url, exchange, … }; nats: { servers, subject, … }; redis: { url, stream, … }',
              ),
            ...filters,
          })
          .strict(),
        response: { 201: subscriptionSchema, ...errors },
      },
    },
    async (req, reply) => {
      const { retry, ackMode, timeoutMs, eventTypes, jobGroupIds, ...rest } = req.body;
      const created = await createSubscription(sd, {
        instanceId: callerInstance(req),
        ...rest,
        ...(eventTypes !== undefined ? { eventTypes } : {}),
        ...(jobGroupIds !== undefined ? { jobGroupIds } : {}),
        ...(retry ? { retry } : {}),
        ...(ackMode ? { ackMode } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      });
      return reply.code(201).send(created);
    },
  );

  r.get(
    '/v1/subscriptions',
    {
      schema: {
        tags,
        summary: 'List subscriptions, newest first',
        querystring: z.object(cursorQuery).strict(),
        response: { 200: pageOf(subscriptionSchema), ...errors },
      },
    },
    async (req) => {
      const p = await listSubscriptions(sd, callerInstance(req), req.query);
      return { items: p.items, nextCursor: p.nextCursor ?? null };
    },
  );

  r.get(
    '/v1/subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'Read a subscription',
        params: idParams,
        response: { 200: subscriptionSchema, ...errors },
      },
    },
    async (req) => getSubscriptionOf(sd, callerInstance(req), req.params.id),
  );

  r.patch(
    '/v1/subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'Pause or resume a subscription, or change its format, sink settings, filters, retries or timeout',
        params: idParams,
        body: z
          .object({
            name: z.string().min(1).max(200).optional(),
            status: z
              .enum(['active', 'paused'])
              .optional()
              .describe('paused: nothing is sent; events meanwhile are kept and sent once it is active again'),
            format: z.enum(FORMAT_NAMES).optional(),
            config: z
              .record(z.string(), z.unknown())
              .optional()
              .describe('new sink settings, checked as at creation; a webhook without secret keeps its secret'),
            ...filters,
          })
          .strict(),
        response: { 200: subscriptionSchema, ...errors },
      },
    },
    async (req) => {
      const change = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
      return updateSubscription(sd, callerInstance(req), req.params.id, change);
    },
  );

  r.delete(
    '/v1/subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'Delete a subscription and its deliveries',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteSubscription(sd, callerInstance(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/v1/subscriptions/:id/test',
    {
      schema: {
        tags,
        summary: 'Send a synthetic JobComplete event now and report how it went',
        params: idParams,
        response: {
          200: z.object({
            ok: z.boolean(),
            eventId: z.string(),
            status: z.number().int().nullable(),
            error: z.string().nullable(),
            durationMs: z.number().int(),
          }),
          ...errors,
        },
      },
    },
    async (req) => testSubscription(sd, callerInstance(req), req.params.id),
  );

  r.get(
    '/v1/subscriptions/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'List a subscription’s deliveries with their attempts, newest first',
        params: idParams,
        querystring: z.object({ ...cursorQuery, status: z.enum(DELIVERY_STATUSES).optional() }).strict(),
        response: { 200: pageOf(deliverySchema), ...errors },
      },
    },
    async (req) => {
      const { status, limit, cursor } = req.query;
      const p = await listDeliveries(sd, callerInstance(req), req.params.id, {
        limit,
        ...(cursor !== undefined ? { cursor } : {}),
        ...(status ? { status } : {}),
      });
      return { items: p.items, nextCursor: p.nextCursor ?? null };
    },
  );

  r.get(
    '/v1/deliveries/:id',
    {
      schema: {
        tags,
        summary: 'Read a delivery with its attempts',
        params: idParams,
        response: { 200: deliverySchema, ...errors },
      },
    },
    async (req) => getDeliveryOf(sd, callerInstance(req), req.params.id),
  );

  r.post(
    '/v1/subscriptions/:id/replay',
    {
      schema: {
        tags,
        summary: 'Send deliveries again from now (their attempts stay in the history)',
        params: idParams,
        body: z
          .object({
            deliveryIds: z.array(z.string().min(1).max(64)).min(1).max(10_000).optional(),
            status: z.literal('dead').optional().describe('every dead delivery'),
            all: z.literal(true).optional().describe('every dead and delivered delivery still stored'),
          })
          .strict()
          .describe('exactly one of deliveryIds, status, all'),
        response: { 200: z.object({ requeued: z.number().int() }), ...errors },
      },
    },
    async (req) => replayDeliveries(sd, callerInstance(req), req.params.id, req.body),
  );
}
