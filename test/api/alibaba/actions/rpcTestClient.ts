import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { percentEncode, sign } from '../../../../src/api/alibaba/signature.js';
import { type PopClient, popClient } from '../../../support/popClient.js';
import type { TestServer } from '../../../support/testServer.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are whatever JSON the server sent
type Body = any;

/** pop-core's Timestamp format: UTC, whole seconds. */
export const rpcTimestamp = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface Keys {
  accessKeyId: string;
  accessKeySecret: string;
}

export interface SignedRequest {
  /** Override any signing parameter (Timestamp, SignatureNonce, AccessKeyId …). */
  overrides?: Record<string, string>;
  /** Sign with this secret instead of the key's. */
  secret?: string;
}

export interface Rpc {
  /** pop-core, parameters in the query string. */
  get(action: string, params?: Record<string, unknown>): Promise<Body>;
  /** pop-core, parameters in a form body. */
  post(action: string, params?: Record<string, unknown>): Promise<Body>;
  /** The signing parameters a request of this action carries, signed, as sent (for replaying). */
  signed(method: string, action: string, params?: Record<string, string>, o?: SignedRequest): Record<string, string>;
  /** Sends already signed parameters with fetch: the HTTP status with the body. */
  send(method: string, params: Record<string, string>): Promise<{ status: number; body: Body }>;
}

/**
 * The vendor's SDK pointed at the test server, with the caller's code unchanged but for the Timestamp: the
 * server runs on a virtual clock, so every request states that clock's time, as a caller's would be the
 * server's own.
 */
export function rpcFor(s: TestServer, keys: Keys = s): Rpc {
  const client: PopClient = popClient({
    endpoint: s.url,
    accessKeyId: keys.accessKeyId,
    accessKeySecret: keys.accessKeySecret,
  });
  const now = () => ({ Timestamp: rpcTimestamp(s.clock.now()) });
  return {
    get: (action, params = {}) => client.get(action, { ...now(), ...params }),
    post: (action, params = {}) => client.post(action, { ...now(), ...params }),
    signed(method, action, params = {}, o = {}) {
      const all: Record<string, string> = {
        Action: action,
        Format: 'JSON',
        Version: '2019-12-26',
        SignatureMethod: 'HMAC-SHA1',
        SignatureVersion: '1.0',
        SignatureNonce: randomBytes(16).toString('hex'),
        AccessKeyId: keys.accessKeyId,
        ...now(),
        ...params,
        ...o.overrides,
      };
      return { ...all, Signature: sign(method, all, o.secret ?? keys.accessKeySecret) };
    },
    async send(method, params) {
      const query = Object.entries(params)
        .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
        .join('&');
      const res =
        method === 'GET'
          ? await fetch(`${s.url}/?${query}`)
          : await fetch(`${s.url}/`, {
              method,
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: query,
            });
      return { status: res.status, body: await res.json() };
    },
  };
}

/** pop-core rejected with this Code; the HTTP status is read from the error's entry (pop-core ignores it). */
export async function expectRpcError(call: Promise<unknown>, code: string, status: number): Promise<Body> {
  const error = await call.then(
    (body) => {
      throw new Error(`expected ${code}, got success ${JSON.stringify(body).slice(0, 300)}`);
    },
    (e: { code?: string; data?: Body; entry?: { response?: { statusCode?: number } } }) => e,
  );
  expect(error.code, JSON.stringify(error.data)).toBe(code);
  expect(error.entry?.response?.statusCode).toBe(status);
  expect(error.data).toMatchObject({ Code: code, Success: false, HttpStatusCode: status });
  return error.data;
}

/** One job as a JobsJson element (a JSON string), the way the vendor's quick start builds it. */
export function jobJson(i: number, o: { phone?: string; referenceId?: string } = {}): string {
  return JSON.stringify({
    extras: [
      { key: 'amount', value: String(100 + i) },
      { key: 'dueDate', value: '2026-01-31' },
    ],
    contacts: [
      {
        phoneNumber: o.phone ?? phoneOf(i),
        name: `张三 ${i}`,
        honorific: '张先生',
        referenceId: o.referenceId ?? `ref-${i}`,
      },
    ],
  });
}

export const phoneOf = (i: number): string => `1380013${String(i).padStart(4, '0')}`;
