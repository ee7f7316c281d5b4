import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getInstanceOf, listInstances, updateInstance } from '../../../service/catalog/instances.js';
import { createInstance } from '../../../service/createInstance.js';
import { createAccessKey, listAccessKeys, revokeAccessKey } from '../../../service/credentials/accessKeys.js';
import {
  type ApiKeyInfo,
  createApiKey,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
} from '../../../service/credentials/apiKeys.js';
import { requireInstanceAccess, requireOperator } from '../auth.js';
import type { RestContext } from '../context.js';
import { typed } from '../context.js';
import { instanceView } from '../present.js';
import { accessKeySchema, apiKeySchema, cursorQuery, errorSchema, instanceSchema, pageOf } from '../schemas.js';

const tags = ['instances'];
const instanceParams = z.object({ instanceId: z.string().min(1).max(64) });
const keyParams = instanceParams.extend({ keyId: z.string().min(1).max(64) });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

const apiKeyView = (k: ApiKeyInfo, token?: string) => ({ ...k, ...(token ? { token } : {}) });

/** Instances (operator keys) and the keys of an instance (its own keys, or an operator). */
export function instanceRoutes(app: FastifyInstance, { deps, box }: RestContext): void {
  const r = typed(app);

  r.post(
    '/v1/instances',
    {
      schema: {
        tags,
        summary: 'Create an instance (operator key); returns its first API key and AccessKey pair',
        body: z.object({ name: z.string().min(1).max(200), description: z.string().max(2000).optional() }).strict(),
        response: {
          201: z.object({ instance: instanceSchema, apiKey: apiKeySchema, accessKey: accessKeySchema }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      requireOperator(req);
      const instance = await createInstance(deps, req.body);
      const api = await createApiKey(deps, { instanceId: instance.id, name: 'default' });
      const access = await createAccessKey(deps, box, instance.id);
      return reply.code(201).send({
        instance: instanceView(instance),
        apiKey: apiKeyView(api.key, api.token),
        accessKey: { ...access.key, accessKeySecret: access.accessKeySecret },
      });
    },
  );

  r.get(
    '/v1/instances',
    {
      schema: {
        tags,
        summary: 'List instances (operator key), newest first',
        querystring: z.object(cursorQuery).strict(),
        response: { 200: pageOf(instanceSchema), ...errors },
      },
    },
    async (req) => {
      requireOperator(req);
      const page = await listInstances(deps, { kind: 'cursor', limit: req.query.limit, cursor: req.query.cursor });
      return { items: page.items.map(instanceView), nextCursor: page.nextCursor ?? null };
    },
  );

  r.get(
    '/v1/instances/:instanceId',
    {
      schema: {
        tags,
        summary: 'Read an instance',
        params: instanceParams,
        response: { 200: instanceSchema, ...errors },
      },
    },
    async (req) => {
      requireInstanceAccess(req, req.params.instanceId);
      return instanceView(await getInstanceOf(deps, req.params.instanceId));
    },
  );

  r.patch(
    '/v1/instances/:instanceId',
    {
      schema: {
        tags,
        summary: 'Rename or describe an instance',
        params: instanceParams,
        body: z
          .object({ name: z.string().min(1).max(200).optional(), description: z.string().max(2000).optional() })
          .strict(),
        response: { 200: instanceSchema, ...errors },
      },
    },
    async (req) => {
      requireInstanceAccess(req, req.params.instanceId);
      return instanceView(await updateInstance(deps, req.params.instanceId, req.body));
    },
  );

  const scope = (instanceId: string) => ({ instanceId });

  r.get(
    '/v1/instances/:instanceId/api-keys',
    {
      schema: {
        tags,
        summary: "List an instance's API keys (secrets are never shown again)",
        params: instanceParams,
        response: { 200: z.object({ items: z.array(apiKeySchema) }), ...errors },
      },
    },
    async (req) => {
      requireInstanceAccess(req, req.params.instanceId);
      await getInstanceOf(deps, req.params.instanceId);
      return { items: (await listApiKeys(deps, scope(req.params.instanceId))).map((k) => apiKeyView(k)) };
    },
  );

  r.post(
    '/v1/instances/:instanceId/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key; the token is in this response only',
        params: instanceParams,
        body: z
          .object({ name: z.string().min(1).max(200).optional() })
          .strict()
          .optional(),
        response: { 201: apiKeySchema, ...errors },
      },
    },
    async (req, reply) => {
      requireInstanceAccess(req, req.params.instanceId);
      const created = await createApiKey(deps, { instanceId: req.params.instanceId, name: req.body?.name });
      return reply.code(201).send(apiKeyView(created.key, created.token));
    },
  );

  r.post(
    '/v1/instances/:instanceId/api-keys/:keyId/rotate',
    {
      schema: {
        tags,
        summary: 'Replace a key by a new one (same name); the old one stops working at once',
        params: keyParams,
        response: { 201: apiKeySchema, ...errors },
      },
    },
    async (req, reply) => {
      requireInstanceAccess(req, req.params.instanceId);
      const rotated = await rotateApiKey(deps, scope(req.params.instanceId), req.params.keyId);
      return reply.code(201).send(apiKeyView(rotated.key, rotated.token));
    },
  );

  r.delete(
    '/v1/instances/:instanceId/api-keys/:keyId',
    {
      schema: { tags, summary: 'Revoke an API key', params: keyParams, response: { 200: apiKeySchema, ...errors } },
    },
    async (req) => {
      requireInstanceAccess(req, req.params.instanceId);
      return apiKeyView(await revokeApiKey(deps, scope(req.params.instanceId), req.params.keyId));
    },
  );

  r.get(
    '/v1/instances/:instanceId/access-keys',
    {
      schema: {
        tags,
        summary: "List an instance's AccessKey pairs for the Alibaba-compatible API (secrets are not shown)",
        params: instanceParams,
        response: { 200: z.object({ items: z.array(accessKeySchema) }), ...errors },
      },
    },
    async (req) => {
      requireInstanceAccess(req, req.params.instanceId);
      await getInstanceOf(deps, req.params.instanceId);
      return { items: await listAccessKeys(deps, req.params.instanceId) };
    },
  );

  r.post(
    '/v1/instances/:instanceId/access-keys',
    {
      schema: {
        tags,
        summary: 'Create an AccessKeyId/AccessKeySecret pair; the secret is in this response only',
        params: instanceParams,
        response: { 201: accessKeySchema, ...errors },
      },
    },
    async (req, reply) => {
      requireInstanceAccess(req, req.params.instanceId);
      await getInstanceOf(deps, req.params.instanceId);
      const created = await createAccessKey(deps, box, req.params.instanceId);
      return reply.code(201).send({ ...created.key, accessKeySecret: created.accessKeySecret });
    },
  );

  r.delete(
    '/v1/instances/:instanceId/access-keys/:keyId',
    {
      schema: {
        tags,
        summary: 'Revoke an AccessKey pair',
        params: keyParams,
        response: { 200: accessKeySchema, ...errors },
      },
    },
    async (req) => {
      requireInstanceAccess(req, req.params.instanceId);
      return revokeAccessKey(deps, req.params.instanceId, req.params.keyId);
    },
  );
}
