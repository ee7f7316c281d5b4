import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { OutdialError } from '../core/errors.js';
import type { RecordingStore } from '../recordings/recordingStore.js';
import type { SecretBox } from '../service/credentials/secretBox.js';
import type { ServiceDeps } from '../service/deps.js';
import type { Store } from '../store/openStore.js';
import { alibabaFace, rpcAccessKeyId } from './alibaba/face.js';
import { clientErrorHandler } from './clientError.js';
import { type HealthState, opsRoutes } from './ops/health.js';
import type { Metrics } from './ops/metrics.js';
import { errorReply } from './replyError.js';
import { bearerKeyId } from './rest/auth.js';
import { restApi } from './rest/restApi.js';

export interface ServerOptions {
  deps: ServiceDeps;
  box: SecretBox;
  store: Store;
  metrics: Metrics;
  log: Logger;
  state?: HealthState;
  /** Largest JSON or form body, bytes (CSV uploads stream and are not bounded by it). */
  bodyLimit?: number;
  /** Requests per key per window; false turns limiting off. */
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** Host name the Alibaba face reports in HostId. */
  hostId?: string;
  /** Where calls' recordings are kept, for their download; without it none can be downloaded. */
  recordings?: RecordingStore;
}

export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;
export const DEFAULT_RATE_LIMIT = { max: 6_000, timeWindowMs: 60_000 };

/** The HTTP server: REST /v1 with its OpenAPI document, the Alibaba RPC face at `/`, health and metrics. */
export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  // The pino Logger type is wider than Fastify's base logger; the instance is used as a plain FastifyInstance.
  const app = Fastify({
    loggerInstance: o.log.child({ area: 'http' }),
    bodyLimit: o.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // pop-core sends every parameter of a GET in the URL: a 99-job AssignJobs is far over Node's 16 KiB.
    http: { maxHeaderSize: 1024 * 1024 },
    requestTimeout: 120_000,
    clientErrorHandler,
  }) as unknown as FastifyInstance;
  app.setErrorHandler(errorReply);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const state = o.state ?? { draining: false };

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const face = route === '/' ? 'alibaba' : route.startsWith('/v1') ? 'rest' : 'ops';
    o.metrics.observeRequest(face, route, req.method, reply.statusCode, reply.elapsedTime / 1000);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Outdial REST API',
        version: '1.0.0',
        description:
          'Outbound calling campaigns: instances and keys, line groups, job groups with strategies, jobs and their call attempts. Authenticate with `Authorization: Bearer <API key>`. Instants are UTC milliseconds; enums are the Alibaba OutboundBot names (JobStatus, FailureReason, TaskStatus).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { config: { rateLimit: false }, schema: { hide: true } }, async () => app.swagger());

  if (o.rateLimit !== false) {
    const limit = o.rateLimit ?? DEFAULT_RATE_LIMIT;
    await app.register(fastifyRateLimit, {
      global: true,
      max: limit.max,
      timeWindow: limit.timeWindowMs,
      // After parsing, so an Alibaba call's AccessKeyId can be read from its form body too.
      hook: 'preHandler',
      keyGenerator: (req) => bearerKeyId(req.headers.authorization) ?? rpcAccessKeyId(req) ?? `ip:${req.ip}`,
      errorResponseBuilder: (_req, ctx) => {
        const e = new OutdialError('RATE_LIMITED', `more than ${ctx.max} requests in ${ctx.after}; slow down`);
        return Object.assign(e, { statusCode: 429 });
      },
    });
  }

  opsRoutes(app, { store: o.store, metrics: o.metrics, state });
  await app.register(async (rest) =>
    restApi(rest, { deps: o.deps, box: o.box, ...(o.recordings ? { recordings: o.recordings } : {}) }),
  );
  await app.register(async (rpc) =>
    alibabaFace(rpc, { deps: o.deps, box: o.box, hostId: o.hostId ?? 'outdial', log: o.log }),
  );
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` } }),
  );
  return app;
}
