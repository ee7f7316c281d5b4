export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_STRATEGY',
  'INVALID_PHONE_NUMBER',
  'DUPLICATE_REFERENCE_ID',
  'INSTANCE_NOT_FOUND',
  'JOB_GROUP_NOT_FOUND',
  'JOB_NOT_FOUND',
  'TASK_NOT_FOUND',
  'RECORDING_NOT_FOUND',
  'LINE_GROUP_NOT_FOUND',
  'SCRIPT_NOT_FOUND',
  'SCRIPT_VERSION_NOT_FOUND',
  'SCRIPT_NOT_PUBLISHED',
  'INVALID_SCRIPT',
  'MISSING_VARIABLE',
  'API_KEY_NOT_FOUND',
  'ACCESS_KEY_NOT_FOUND',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'JOB_GROUP_BUSY',
  'LINE_GROUP_IN_USE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'ILLEGAL_TRANSITION',
  'STALE_VERSION',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error class: a stable code, a human message, details naming what was wrong. */
export class OutdialError extends Error {
  override readonly name = 'OutdialError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A validation failure on one field; `path` names it as the user wrote it (e.g. `strategy.workingTime[1].endTime`). */
export function invalidField(path: string, message: string, code: ErrorCode = 'VALIDATION_FAILED'): OutdialError {
  return new OutdialError(code, `${path}: ${message}`, { field: path });
}
