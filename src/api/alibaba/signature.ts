import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Alibaba Cloud's RPC signature, version 1.0 with HMAC-SHA1, exactly as `@alicloud/pop-core` computes it:
 * RFC 3986 percent-encoding (only `A-Z a-z 0-9 - _ . ~` stay as they are, space is `%20`), parameters
 * sorted by their raw names in UTF-16 code-unit order (JS `.sort()`), `Signature` itself left out,
 * StringToSign = METHOD & %2F & encode(canonical), key = AccessKeySecret + "&".
 */

/** `encodeURIComponent` plus the five characters it leaves alone: `! ' ( ) *`. */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The canonicalized query string: every parameter but `Signature`, sorted, encoded, joined with `&`. */
export function canonicalize(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? '')}`)
    .join('&');
}

export function stringToSign(method: string, params: Record<string, string>): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalize(params))}`;
}

/** Base64 HMAC-SHA1 of the StringToSign under `secret + "&"`. */
export function sign(method: string, params: Record<string, string>, secret: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign(method, params), 'utf8').digest('base64');
}

export type SignatureCheck = { ok: true } | { ok: false; stringToSign: string };

/**
 * Checks `params.Signature` against the request's real HTTP method. On a mismatch the server's
 * StringToSign comes back, which the gateway puts in its error so callers can compare with their own.
 */
export function verifySignature(method: string, params: Record<string, string>, secret: string): SignatureCheck {
  let expected: string;
  let sts: string;
  try {
    sts = stringToSign(method, params);
    expected = createHmac('sha1', `${secret}&`).update(sts, 'utf8').digest('base64');
  } catch {
    // A lone surrogate cannot be percent-encoded, so no client can have signed it.
    return { ok: false, stringToSign: '' };
  }
  // A Signature pasted into a URL without encoding has its "+" decoded as a space; base64 has no spaces.
  const given = Buffer.from((params.Signature ?? '').replaceAll(' ', '+'), 'utf8');
  const want = Buffer.from(expected, 'utf8');
  if (given.length === want.length && timingSafeEqual(given, want)) return { ok: true };
  return { ok: false, stringToSign: sts };
}
