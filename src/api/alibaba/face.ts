import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { OutdialError } from '../../core/errors.js';
import { findAccessKey } from '../../service/credentials/accessKeys.js';
import { recordNonce } from '../../service/credentials/nonces.js';
import type { SecretBox } from '../../service/credentials/secretBox.js';
import type { ServiceDeps } from '../../service/deps.js';
import { toOutdialError } from '../httpErrors.js';
import { ACTIONS } from './actions/index.js';
import { authenticateRpc } from './authenticate.js';
import { AlibabaError, errorBody, fromOutdialError, invalidApi, successBody } from './errors.js';
import { mergeParams, type RpcParams } from './params.js';

export interface AlibabaFaceContext {
  deps: ServiceDeps;
  box: SecretBox;
  hostId: string;
  log: Logger;
}

declare module 'fastify' {
  interface FastifyRequest {
    rpcParams?: RpcParams;
  }
}

/** The AccessKeyId of an RPC request, from its query string or form body (for per-key rate limits). */
export function rpcAccessKeyId(req: FastifyRequest): string | undefined {
  if (req.url !== '/' && !req.url.startsWith('/?')) return undefined;
  const q = req.query as Record<string, unknown> | undefined;
  const b = req.body as Record<string, unknown> | undefined;
  const id = q?.AccessKeyId ?? (b && typeof b === 'object' ? b.AccessKeyId : undefined);
  return typeof id === 'string' ? id : undefined;
}

/**
 * Alibaba Cloud OutboundBot's RPC API (2019-12-26) at `/`: GET with a query string or POST with a form
 * body (or both), signed with the caller's AccessKey, routed by `Action`. Success and error bodies are
 * the vendor's envelopes; errors carry the vendor's HTTP status too, which newer SDKs read.
 */
export async function alibabaFace(app: FastifyInstance, ctx: AlibabaFaceContext): Promise<void> {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(body as string)) {
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    done(null, out);
  });
  const keys = {
    findAccessKey: (id: string) => findAccessKey(ctx.deps, ctx.box, id),
    recordNonce: (id: string, nonce: string, now: number) => recordNonce(ctx.deps, id, nonce, now),
  };
  const reply = (req: FastifyRequest, res: FastifyReply, error: AlibabaError) => {
    if (error.httpStatus >= 500)
      req.log.error({ err: error.cause ?? error, action: req.rpcParams?.Action }, 'rpc failed');
    return res.code(error.httpStatus).send(errorBody(error, requestIdOf(req), ctx.hostId));
  };
  app.setErrorHandler((error, req, res) => {
    if (error instanceof AlibabaError) return reply(req, res, error);
    return reply(req, res, fromOutdialError(toOutdialError(error)));
  });

  const handle = async (req: FastifyRequest, res: FastifyReply) => {
    const params = mergeParams(
      (req.query ?? {}) as Record<string, string | string[]>,
      (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, string | string[]>,
    );
    req.rpcParams = params;
    const action = params.Action ?? headerOf(req, 'x-acs-action');
    const version = headerOf(req, 'x-acs-version');
    if (params.Version === undefined && version !== undefined) params.Version = version;
    const caller = await authenticateRpc({ method: req.method, params, now: ctx.deps.clock.now() }, keys);
    const run = action ? ACTIONS[action] : undefined;
    if (!run) throw invalidApi(action ?? '');
    try {
      const payload = await run({ deps: ctx.deps, instanceId: caller.instanceId }, params);
      return res.code(200).send(successBody(requestIdOf(req), payload));
    } catch (error) {
      if (error instanceof AlibabaError) throw error;
      if (error instanceof OutdialError) throw fromOutdialError(error);
      throw error;
    }
  };
  app.get('/', { schema: { hide: true } }, handle);
  app.post('/', { schema: { hide: true } }, handle);
}

const requestIds = new WeakMap<FastifyRequest, string>();
function requestIdOf(req: FastifyRequest): string {
  let id = requestIds.get(req);
  if (!id) {
    id = randomUUID().toUpperCase();
    requestIds.set(req, id);
  }
  return id;
}

function headerOf(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}
