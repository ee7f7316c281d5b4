import {
  accessKeyInactive,
  accessKeyNotFound,
  incompleteSignature,
  invalidParameter,
  invalidSignatureMethod,
  missingParameter,
  noSuchVersion,
  signatureDoesNotMatch,
  signatureNonceUsed,
  timestampExpired,
  timestampMalformed,
} from './errors.js';
import type { RpcParams } from './params.js';
import { verifySignature } from './signature.js';

/** How far a request's Timestamp may be from the server's clock, either way (the gateway's 15 minutes). */
export const SIGNATURE_WINDOW_MS = 15 * 60 * 1000;

export const API_VERSION = '2019-12-26';

/** What authentication needs from the key store. */
export interface RpcKeys {
  findAccessKey(id: string): Promise<{ instanceId: string; secret: string; revoked: boolean } | undefined>;
  /** Records the nonce for this key; false when it was seen before (inside the window). */
  recordNonce(accessKeyId: string, nonce: string, now: number): Promise<boolean>;
}

export interface RpcRequest {
  /** The request's real HTTP method: the signature covers it. */
  method: string;
  params: RpcParams;
  /** The server's clock, UTC ms. */
  now: number;
}

export interface RpcCaller {
  accessKeyId: string;
  instanceId: string;
}

const SIGNING_PARAMS = [
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'Version',
] as const;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;
// An HMAC-SHA1 is 20 bytes: 28 base64 characters ending in one "=".
const SIGNATURE_SHAPE = /^[A-Za-z0-9+/]{27}=$/;

/** UTC ms of "YYYY-MM-DDTHH:mm:ss[.fff]Z", or undefined when it is not one or names no real instant. */
function parseTimestamp(s: string): number | undefined {
  const m = TIMESTAMP.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, sec) + Math.floor(Number(`0${m[7] ?? ''}`) * 1000);
  const back = new Date(ms);
  const real =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === mo - 1 &&
    back.getUTCDate() === d &&
    back.getUTCHours() === h &&
    back.getUTCMinutes() === mi &&
    back.getUTCSeconds() === sec;
  return real ? ms : undefined;
}

/**
 * Authenticates a signed RPC request the way Alibaba's gateway does, in its order: signing parameters
 * present and of the supported kind; Timestamp well formed, then within the window of `now`; the key
 * known and not revoked; the signature (over the real method); the nonce not used before — recorded only
 * after the signature held, so nobody without the secret can burn another caller's nonces; and last the
 * API Version.
 */
export async function authenticateRpc(req: RpcRequest, keys: RpcKeys): Promise<RpcCaller> {
  const p = req.params;
  const value = (name: string): string => (Object.hasOwn(p, name) ? (p[name] ?? '') : '');
  for (const name of SIGNING_PARAMS) {
    if (value(name) === '') throw missingParameter(name);
  }
  if (value('SignatureMethod') !== 'HMAC-SHA1') throw invalidSignatureMethod();
  if (value('SignatureVersion') !== '1.0') {
    throw invalidParameter('SignatureVersion', 'Only signature version 1.0 (HMAC-SHA1) is supported.');
  }
  const format = value('Format');
  if (format !== '' && format.toUpperCase() !== 'JSON') {
    throw invalidParameter('Format', 'Only JSON responses are served.');
  }
  if (!SIGNATURE_SHAPE.test(value('Signature').replaceAll(' ', '+'))) throw incompleteSignature();

  const at = parseTimestamp(value('Timestamp'));
  if (at === undefined) throw timestampMalformed();
  if (Math.abs(req.now - at) > SIGNATURE_WINDOW_MS) throw timestampExpired();

  const accessKeyId = value('AccessKeyId');
  const key = await keys.findAccessKey(accessKeyId);
  if (!key) throw accessKeyNotFound();
  if (key.revoked) throw accessKeyInactive();

  const check = verifySignature(req.method, p, key.secret);
  if (!check.ok) throw signatureDoesNotMatch(check.stringToSign);

  if (!(await keys.recordNonce(accessKeyId, value('SignatureNonce'), req.now))) throw signatureNonceUsed();

  if (value('Version') !== API_VERSION) throw noSuchVersion(value('Version'));
  return { accessKeyId, instanceId: key.instanceId };
}
