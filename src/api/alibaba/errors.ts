import type { ErrorCode, OutdialError } from '../../core/errors.js';

/**
 * An error as Alibaba Cloud's RPC gateway and OutboundBot send it: an HTTP status plus the `Code` and
 * `Message` of the body. Codes, statuses and message texts are the vendor's (help.aliyun.com common error
 * codes, OutboundBot API pages), because SDKs and callers match on them. `recommend` carries Outdial's own
 * explanation where the vendor text is generic; it goes out as the body's `Recommend`.
 */
export class AlibabaError extends Error {
  override readonly name = 'AlibabaError';
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    readonly recommend = '',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const SIMPLE_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * A required parameter is absent: the gateway's `Missing{Name}` form ("InstanceId is mandatory for this
 * action."), or `MissingParameter` for names that cannot form a code (`JobsJson.1`).
 */
export function missingParameter(name: string): AlibabaError {
  if (SIMPLE_NAME.test(name)) return new AlibabaError(400, `Missing${name}`, `${name} is mandatory for this action.`);
  return new AlibabaError(
    400,
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
}

/** A parameter's value is not valid; `detail` says why, in Outdial's words. */
export function invalidParameter(name: string, detail?: string): AlibabaError {
  const base = `The specified value of parameter "${name}" is not valid.`;
  return new AlibabaError(400, 'InvalidParameter', detail ? `${base} ${detail}` : base);
}

export const accessKeyNotFound = (): AlibabaError =>
  new AlibabaError(400, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');

/** The key exists but has been revoked. */
export const accessKeyInactive = (): AlibabaError =>
  new AlibabaError(400, 'InvalidAccessKeyId.Inactive', 'Specified access key is disabled.');

export const timestampMalformed = (): AlibabaError =>
  new AlibabaError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');

export const timestampExpired = (): AlibabaError =>
  new AlibabaError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');

export const signatureNonceUsed = (): AlibabaError =>
  new AlibabaError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');

/** The Signature parameter is present but cannot be an HMAC-SHA1 signature at all. */
export const incompleteSignature = (): AlibabaError =>
  new AlibabaError(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.');

/** The SDKs parse the text after "server string to sign is:" to help callers debug their signing. */
export const signatureDoesNotMatch = (stringToSign: string): AlibabaError =>
  new AlibabaError(
    403,
    'SignatureDoesNotMatch',
    `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
  );

export const invalidSignatureMethod = (): AlibabaError =>
  new AlibabaError(400, 'InvalidSignatureMethod', 'Specified signature method is not valid.');

export const invalidApi = (action: string): AlibabaError =>
  new AlibabaError(
    404,
    'InvalidApi.NotFound',
    'Specified api is not found,please check your url and method.',
    action ? `Action "${action}" is not served by this endpoint.` : 'The request names no Action.',
  );

export const noSuchVersion = (version: string): AlibabaError =>
  new AlibabaError(
    400,
    'NoSuchVersion',
    'Specified api version is not valid.',
    `Version "${version}" is not served; this endpoint speaks OutboundBot 2019-12-26.`,
  );

export const throttled = (recommend = ''): AlibabaError =>
  new AlibabaError(400, 'Throttling.User', 'Request was denied due to user flow control.', recommend);

export const forbidden = (code: 'Forbidden' | 'Forbidden.NoPermission' = 'Forbidden', recommend = ''): AlibabaError =>
  new AlibabaError(403, code, 'User not authorized to operate on the specified resource.', recommend);

export type MissingResource = 'Instance' | 'JobGroup' | 'Job' | 'Task' | 'Script';

export const notExist = (what: MissingResource, recommend = ''): AlibabaError =>
  new AlibabaError(404, `NotExist.${what}`, `The specified ${what} does not exist.`, recommend);

/** Never carries the cause's text: the cause is for the log. */
export const internalError = (cause?: unknown): AlibabaError =>
  new AlibabaError(
    500,
    'InternalError',
    'The request processing has failed due to some unknown error, exception or failure.',
    '',
    cause === undefined ? undefined : { cause },
  );

export const serviceUnavailable = (): AlibabaError =>
  new AlibabaError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.');

type Mapper = (e: OutdialError) => AlibabaError;

const invalid: Mapper = (e) => new AlibabaError(400, 'InvalidParameter', e.message, '', { cause: e });
const missing =
  (what: MissingResource): Mapper =>
  (e) =>
    notExist(what, e.message);
const denied =
  (code: string, status = 400): Mapper =>
  (e) =>
    new AlibabaError(status, code, e.message, '', { cause: e });

/** Every Outdial code has a vendor answer, so a new code does not compile until it is mapped here. */
const FROM_OUTDIAL: Record<ErrorCode, Mapper> = {
  VALIDATION_FAILED: invalid,
  INVALID_STRATEGY: invalid,
  INVALID_PHONE_NUMBER: invalid,
  DUPLICATE_REFERENCE_ID: invalid,
  INSTANCE_NOT_FOUND: missing('Instance'),
  JOB_GROUP_NOT_FOUND: missing('JobGroup'),
  JOB_NOT_FOUND: missing('Job'),
  TASK_NOT_FOUND: missing('Task'),
  RECORDING_NOT_FOUND: denied('NotExist.Recording', 404),
  SCRIPT_NOT_FOUND: missing('Script'),
  SCRIPT_VERSION_NOT_FOUND: missing('Script'),
  SCRIPT_NOT_PUBLISHED: invalid,
  INVALID_SCRIPT: invalid,
  MISSING_VARIABLE: invalid,
  LINE_GROUP_NOT_FOUND: denied('NotExist.CallingNumber', 404),
  NOT_FOUND: denied('NotExist.Resource', 404),
  API_KEY_NOT_FOUND: () => accessKeyNotFound(),
  ACCESS_KEY_NOT_FOUND: () => accessKeyNotFound(),
  UNAUTHENTICATED: () => accessKeyNotFound(),
  FORBIDDEN: (e) => forbidden('Forbidden.NoPermission', e.message),
  JOB_GROUP_BUSY: denied('OperationDenied.JobGroupBusy'),
  LINE_GROUP_IN_USE: denied('OperationDenied.CallingNumberInUse'),
  ILLEGAL_TRANSITION: denied('OperationDenied.InvalidStatus'),
  STALE_VERSION: denied('OperationConflict', 409),
  PAYLOAD_TOO_LARGE: denied('RequestTooLarge', 413),
  UNSUPPORTED_MEDIA_TYPE: denied('UnsupportedMediaType', 415),
  RATE_LIMITED: (e) => throttled(e.message),
  INTERNAL: (e) => internalError(e),
};

/** Outdial's error as the vendor would answer it; OutdialError messages name the field, so they are kept. */
export function fromOutdialError(e: OutdialError): AlibabaError {
  return FROM_OUTDIAL[e.code](e);
}

export interface AlibabaErrorBody {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
  Recommend: string;
  Success: false;
  HttpStatusCode: number;
}

export function errorBody(err: AlibabaError, requestId: string, hostId: string): AlibabaErrorBody {
  return {
    RequestId: requestId,
    HostId: hostId,
    Code: err.code,
    Message: err.message,
    Recommend: err.recommend,
    Success: false,
    HttpStatusCode: err.httpStatus,
  };
}

export function successBody<T extends object>(requestId: string, payload: T) {
  return {
    RequestId: requestId,
    Success: true as const,
    Code: 'OK',
    Message: 'Success',
    HttpStatusCode: 200,
    ...payload,
  };
}
