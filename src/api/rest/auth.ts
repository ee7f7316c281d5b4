import type { FastifyReply, FastifyRequest } from 'fastify';
import { OutdialError } from '../../core/errors.js';
import { authenticateApiKey } from '../../service/credentials/apiKeys.js';
import type { ServiceDeps } from '../../service/deps.js';

/** Who is calling: an instance's key, or an operator key (instanceId null) that manages instances. */
export interface Caller {
  keyId: string;
  instanceId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** The route also takes a pre-signed link (`Signature` in the query), which it checks itself. */
    signedLink?: boolean;
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The public id inside a bearer token (`odk_<id>_<secret>`), for per-key rate limits before the key is checked. */
export function bearerKeyId(header: string | undefined): string | undefined {
  const token = header && BEARER.exec(header)?.[1];
  return token?.split('_')[1];
}

export function authenticate(deps: ServiceDeps) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const query = req.query as Record<string, unknown> | undefined;
    if (req.routeOptions.config.signedLink && query?.Signature !== undefined) return;
    const header = req.headers.authorization;
    const token = header && BEARER.exec(header)?.[1];
    if (!token) {
      throw new OutdialError('UNAUTHENTICATED', 'send an API key as "Authorization: Bearer <key>"', {
        field: 'authorization',
      });
    }
    const caller = await authenticateApiKey(deps, token);
    if (!caller) throw new OutdialError('UNAUTHENTICATED', 'the API key is not valid or has been revoked');
    req.caller = caller;
  };
}

/** The caller's instance; operator keys are refused here (they manage instances, not campaigns). */
export function callerInstance(req: FastifyRequest): string {
  const id = req.caller?.instanceId;
  if (!id) {
    throw new OutdialError('FORBIDDEN', 'this endpoint needs an instance API key; operator keys manage instances only');
  }
  return id;
}

export function requireOperator(req: FastifyRequest): void {
  if (!req.caller || req.caller.instanceId !== null) {
    throw new OutdialError('FORBIDDEN', 'this endpoint needs an operator API key');
  }
}

/** Operators reach every instance; an instance key reaches only its own, and others look missing. */
export function requireInstanceAccess(req: FastifyRequest, instanceId: string): void {
  const own = req.caller?.instanceId;
  if (own === null) return;
  if (own !== instanceId) {
    throw new OutdialError('INSTANCE_NOT_FOUND', `instance ${instanceId} does not exist`, { field: 'instanceId' });
  }
}
