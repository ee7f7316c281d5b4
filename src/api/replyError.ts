import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HTTP_STATUS, toOutdialError } from './httpErrors.js';

/** Fastify error handler for JSON faces: a stable code and a message, never a stack trace. */
export function errorReply(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const e = toOutdialError(error);
  const status = HTTP_STATUS[e.code];
  if (status >= 500) req.log.error({ err: error }, 'request failed');
  const field = typeof e.details.field === 'string' ? e.details.field : undefined;
  const issues = Array.isArray(e.details.issues) ? e.details.issues : undefined;
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error: { code: e.code, message: e.message, ...(field ? { field } : {}), ...(issues ? { issues } : {}) } });
}
