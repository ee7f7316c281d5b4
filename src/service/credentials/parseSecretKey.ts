/** 32 bytes from 64 hex characters or from base64 (standard or url-safe) of exactly 32 bytes; undefined otherwise. */
export function parseSecretKey(text: string): Buffer | undefined {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  // 32 bytes are 43 base64 characters and one '=' of padding; Node's decoder reads both alphabets.
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) return undefined;
  return Buffer.from(t, 'base64');
}
