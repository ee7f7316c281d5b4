import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Pre-signed links to recordings, as the vendor's DownloadRecording gives (an OSS link with Expires and Signature):
 * whoever holds one may download that one recording until it expires, with no API key. The signature is an
 * HMAC-SHA256 of the task id and the expiry under a key derived from the server's secret key.
 */
export interface RecordingLinks {
  /** `url` with `Expires` (unix seconds) and `Signature` added, valid for `ttlSeconds` from `nowMs`. */
  sign(url: string, taskId: string, nowMs: number, ttlSeconds: number): string;
  /** Whether a link's parameters are this server's and not expired at `nowMs`. */
  verify(taskId: string, expires: number, signature: string, nowMs: number): boolean;
}

export function createRecordingLinks(secretKey: Buffer): RecordingLinks {
  const key = createHmac('sha256', secretKey).update('outdial recording links v1').digest();
  const mac = (taskId: string, expires: number) =>
    createHmac('sha256', key).update(`${taskId}\n${expires}`).digest('base64url');
  return {
    sign(url, taskId, nowMs, ttlSeconds) {
      const expires = Math.floor(nowMs / 1000) + ttlSeconds;
      const signed = new URL(url);
      signed.searchParams.set('Expires', String(expires));
      signed.searchParams.set('Signature', mac(taskId, expires));
      return signed.toString();
    },
    verify(taskId, expires, signature, nowMs) {
      if (!Number.isInteger(expires) || expires * 1000 < nowMs) return false;
      const expected = Buffer.from(mac(taskId, expires));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
