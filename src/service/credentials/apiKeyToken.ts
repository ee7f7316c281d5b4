import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A REST bearer token: `odk_<id>_<secret>`, id 16 lowercase hex characters, secret 32 random bytes in base64url. */
export interface ApiKeyToken {
  id: string;
  secret: string;
}

const TOKEN = /^odk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function newApiKeyToken(): ApiKeyToken & { token: string } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, token: `odk_${id}_${secret}` };
}

/** undefined for anything not shaped like a token. */
export function parseApiKeyToken(token: string): ApiKeyToken | undefined {
  const m = typeof token === 'string' ? TOKEN.exec(token) : null;
  return m ? { id: m[1] as string, secret: m[2] as string } : undefined;
}

/** What is stored instead of the secret: SHA-256, hex. */
export const hashApiKeySecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Constant-time comparison of a presented secret with a stored hash. */
export function apiKeySecretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKeySecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
