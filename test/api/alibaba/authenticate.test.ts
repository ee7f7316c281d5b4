import { describe, expect, it } from 'vitest';
import { authenticateRpc, type RpcKeys, SIGNATURE_WINDOW_MS } from '../../../src/api/alibaba/authenticate.js';
import { AlibabaError } from '../../../src/api/alibaba/errors.js';
import type { RpcParams } from '../../../src/api/alibaba/params.js';
import { sign } from '../../../src/api/alibaba/signature.js';

const NOW = Date.UTC(2026, 0, 5, 8, 0, 0);
const MINUTE = 60_000;

/** The key store port, in memory. */
function memoryKeys() {
  const keys = new Map([
    ['AK-live', { instanceId: 'inst-1', secret: 'live-secret', revoked: false }],
    ['AK-revoked', { instanceId: 'inst-1', secret: 'old-secret', revoked: true }],
  ]);
  const seen = new Set<string>();
  const port: RpcKeys = {
    findAccessKey: async (id) => keys.get(id),
    recordNonce: async (id, nonce) => {
      const key = `${id} ${nonce}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
  };
  return { port, seen };
}

const timestamp = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');

let nonceCounter = 0;

/** Parameters as pop-core sends them, with `set` applied and `drop` removed, signed for `method` with `secret`. */
function signed(
  o: { method?: string; secret?: string; at?: number; set?: Record<string, string>; drop?: string[] } = {},
): RpcParams {
  const p: Record<string, string> = {
    Action: 'DescribeJobGroup',
    Format: 'JSON',
    Version: '2019-12-26',
    AccessKeyId: 'AK-live',
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: `nonce-${++nonceCounter}`,
    Timestamp: timestamp(o.at ?? NOW),
    InstanceId: 'inst-1',
    JobGroupId: 'group-1',
  };
  Object.assign(p, o.set);
  for (const name of o.drop ?? []) delete p[name];
  p.Signature = sign(o.method ?? 'GET', p, o.secret ?? 'live-secret');
  return p;
}

async function refusal(p: Promise<unknown>): Promise<AlibabaError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AlibabaError) return e;
    throw e;
  }
  throw new Error('expected the request to be refused');
}

const auth = (params: RpcParams, o: { method?: string; now?: number; keys?: RpcKeys } = {}) =>
  authenticateRpc({ method: o.method ?? 'GET', params, now: o.now ?? NOW }, o.keys ?? memoryKeys().port);

const codeOf = async (p: Promise<unknown>) => {
  const e = await refusal(p);
  return [e.httpStatus, e.code];
};

describe('authenticateRpc', () => {
  it('accepts a well-signed GET or POST and names the caller', async () => {
    expect(await auth(signed())).toEqual({ accessKeyId: 'AK-live', instanceId: 'inst-1' });
    expect(await auth(signed({ method: 'POST' }), { method: 'POST' })).toEqual({
      accessKeyId: 'AK-live',
      instanceId: 'inst-1',
    });
  });

  it('accepts fractional seconds and a missing Format', async () => {
    const p = signed({ set: { Timestamp: '2026-01-05T08:00:00.123Z' }, drop: ['Format'] });
    expect((await auth(p)).instanceId).toBe('inst-1');
  });

  it(`allows ${SIGNATURE_WINDOW_MS / MINUTE} minutes of clock difference either way, and no more`, async () => {
    expect(SIGNATURE_WINDOW_MS).toBe(15 * MINUTE);
    await expect(auth(signed({ at: NOW - 15 * MINUTE }))).resolves.toBeTruthy();
    await expect(auth(signed({ at: NOW + 15 * MINUTE }))).resolves.toBeTruthy();
    expect(await codeOf(auth(signed({ at: NOW - 16 * MINUTE })))).toEqual([400, 'InvalidTimeStamp.Expired']);
    const future = await refusal(auth(signed({ at: NOW + 16 * MINUTE })));
    expect([future.httpStatus, future.code, future.message]).toEqual([
      400,
      'InvalidTimeStamp.Expired',
      'Specified time stamp or date value is expired.',
    ]);
  });

  it.each([
    '2026-01-05 08:00:00',
    '2026-01-05T08:00:00',
    '2026-01-05T08:00:00+08:00',
    '2026-02-30T08:00:00Z',
    '2026-01-05T24:00:00Z',
    '1767600000000',
  ])('refuses the malformed Timestamp %s', async (ts) => {
    const e = await refusal(auth(signed({ set: { Timestamp: ts } })));
    expect([e.httpStatus, e.code, e.message]).toEqual([
      400,
      'InvalidTimeStamp.Format',
      'Specified time stamp or date value is not well formatted.',
    ]);
  });

  it('refuses an unknown key, and a revoked one', async () => {
    const unknown = await refusal(auth(signed({ set: { AccessKeyId: 'AK-nobody' } })));
    expect([unknown.httpStatus, unknown.code, unknown.message]).toEqual([
      400,
      'InvalidAccessKeyId.NotFound',
      'Specified access key is not found.',
    ]);
    const revoked = signed({ secret: 'old-secret', set: { AccessKeyId: 'AK-revoked' } });
    expect(await codeOf(auth(revoked))).toEqual([400, 'InvalidAccessKeyId.Inactive']);
  });

  it('refuses a bad signature with 403 and the server string to sign', async () => {
    const e = await refusal(auth(signed({ secret: 'guessed-secret' })));
    expect([e.httpStatus, e.code]).toEqual([403, 'SignatureDoesNotMatch']);
    expect(e.message).toMatch(
      /^Specified signature is not matched with our calculation\. server string to sign is:GET&%2F&AccessKeyId%3DAK-live%26/,
    );
  });

  it('verifies against the real method: a GET signature sent as a POST fails', async () => {
    expect(await codeOf(auth(signed({ method: 'GET' }), { method: 'POST' }))).toEqual([403, 'SignatureDoesNotMatch']);
  });

  it('refuses a tampered value', async () => {
    const p = signed();
    p.JobGroupId = 'someone-elses-group';
    expect(await codeOf(auth(p))).toEqual([403, 'SignatureDoesNotMatch']);
  });

  it('refuses a reused nonce', async () => {
    const keys = memoryKeys().port;
    const p = signed();
    await auth(p, { keys });
    const e = await refusal(auth(p, { keys }));
    expect([e.httpStatus, e.code, e.message]).toEqual([
      400,
      'SignatureNonceUsed',
      'Specified signature nonce was used already.',
    ]);
  });

  it('records the nonce only after the signature held, so a forger cannot burn it', async () => {
    const { port, seen } = memoryKeys();
    const forged = signed({ secret: 'guessed-secret', set: { SignatureNonce: 'victim-nonce' } });
    expect(await codeOf(auth(forged, { keys: port }))).toEqual([403, 'SignatureDoesNotMatch']);
    expect(seen.size).toBe(0);
    const genuine = signed({ set: { SignatureNonce: 'victim-nonce' } });
    await expect(auth(genuine, { keys: port })).resolves.toEqual({ accessKeyId: 'AK-live', instanceId: 'inst-1' });
  });

  it.each([
    'AccessKeyId',
    'Signature',
    'SignatureMethod',
    'SignatureVersion',
    'SignatureNonce',
    'Timestamp',
    'Version',
  ])('refuses a request without %s as Missing{Name}', async (name) => {
    const p = signed({ drop: [name] });
    if (name === 'Signature') delete p.Signature;
    const e = await refusal(auth(p));
    expect([e.httpStatus, e.code, e.message]).toEqual([400, `Missing${name}`, `${name} is mandatory for this action.`]);
  });

  it('refuses another signature method or version, a Format other than JSON, and a Signature of the wrong shape', async () => {
    const method = await refusal(auth(signed({ set: { SignatureMethod: 'HMAC-SHA256' } })));
    expect([method.httpStatus, method.code, method.message]).toEqual([
      400,
      'InvalidSignatureMethod',
      'Specified signature method is not valid.',
    ]);
    const version = await refusal(auth(signed({ set: { SignatureVersion: '2.0' } })));
    expect([version.code, version.message]).toEqual([
      'InvalidParameter',
      'The specified value of parameter "SignatureVersion" is not valid. Only signature version 1.0 (HMAC-SHA1) is supported.',
    ]);
    const xml = await refusal(auth(signed({ set: { Format: 'XML' } })));
    expect([xml.code, xml.message.includes('"Format"')]).toEqual(['InvalidParameter', true]);
    const p = signed();
    p.Signature = 'not-a-signature';
    expect(await codeOf(auth(p))).toEqual([400, 'IncompleteSignature']);
  });

  it('refuses another API version once the caller is known', async () => {
    const e = await refusal(auth(signed({ set: { Version: '2017-01-01' } })));
    expect([e.httpStatus, e.code]).toEqual([400, 'NoSuchVersion']);
    expect(e.recommend).toContain('2019-12-26');
  });

  it("checks in the gateway's order: timestamp before key, key before signature, signature before version", async () => {
    const stale = signed({ at: NOW - 60 * MINUTE, set: { AccessKeyId: 'AK-nobody' } });
    expect((await refusal(auth(stale))).code).toBe('InvalidTimeStamp.Expired');
    const stranger = signed({ secret: 'x', set: { AccessKeyId: 'AK-nobody' } });
    expect((await refusal(auth(stranger))).code).toBe('InvalidAccessKeyId.NotFound');
    const forgedOldApi = signed({ secret: 'x', set: { Version: '2017-01-01' } });
    expect((await refusal(auth(forgedOldApi))).code).toBe('SignatureDoesNotMatch');
  });
});
