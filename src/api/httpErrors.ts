import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorCode, OutdialError } from '../core/errors.js';

/** The HTTP status each stable error code answers with. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_STRATEGY: 400,
  INVALID_PHONE_NUMBER: 400,
  DUPLICATE_REFERENCE_ID: 409,
  INSTANCE_NOT_FOUND: 404,
  JOB_GROUP_NOT_FOUND: 404,
  JOB_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  RECORDING_NOT_FOUND: 404,
  LINE_GROUP_NOT_FOUND: 404,
  SCRIPT_NOT_FOUND: 404,
  SCRIPT_VERSION_NOT_FOUND: 404,
  SCRIPT_NOT_PUBLISHED: 400,
  INVALID_SCRIPT: 400,
  MISSING_VARIABLE: 400,
  API_KEY_NOT_FOUND: 404,
  ACCESS_KEY_NOT_FOUND: 404,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  JOB_GROUP_BUSY: 409,
  LINE_GROUP_IN_USE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  ILLEGAL_TRANSITION: 409,
  STALE_VERSION: 409,
  INTERNAL: 500,
};

/**
 * Any error a request can raise, as an OutdialError: Fastify's own (bad JSON, too large, wrong media
 * type, schema validation) get a stable code and a message naming what was wrong; anything unexpected
 * becomes INTERNAL, whose message never carries the original (it is logged instead).
 */
export function toOutdialError(error: unknown): OutdialError {
  if (error instanceof OutdialError) return error;
  const e = error as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const issue = e.validation[0];
    let field = e.validationContext ?? 'body';
    for (const part of (issue?.instancePath ?? '').split('/').filter(Boolean)) {
      field += /^\d+$/.test(part) ? `[${part}]` : `.${part}`;
    }
    const keys = (issue?.params as { keys?: string[] } | undefined)?.keys;
    let message = issue?.message ?? 'is not valid';
    if (issue?.keyword === 'unrecognized_keys' && keys?.length) {
      field += `.${keys[0]}`;
      message = 'is not a known field';
    } else if (/received undefined$/.test(message)) {
      message = 'is required';
    }
    return new OutdialError('VALIDATION_FAILED', `${field}: ${message}`, { field });
  }
  switch (e?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new OutdialError('PAYLOAD_TOO_LARGE', 'the request body is larger than this endpoint accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new OutdialError('UNSUPPORTED_MEDIA_TYPE', `content-type is not accepted here: ${e.message}`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new OutdialError('VALIDATION_FAILED', 'body: must not be empty when content-type is application/json', {
        field: 'body',
      });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new OutdialError('VALIDATION_FAILED', 'content-length does not match the body', { field: 'body' });
  }
  if (e instanceof SyntaxError || e?.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new OutdialError('VALIDATION_FAILED', `body: malformed JSON (${e.message})`, { field: 'body' });
  }
  if (e?.statusCode === 429) return new OutdialError('RATE_LIMITED', 'too many requests for this key; slow down');
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new OutdialError('VALIDATION_FAILED', e.message);
  }
  return new OutdialError('INTERNAL', 'the request failed on the server; it has been logged', {}, { cause: error });
}
