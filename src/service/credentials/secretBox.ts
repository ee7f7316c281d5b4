import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { OutdialError } from '../../core/errors.js';

/** Seals secrets the server must be able to read back (AccessKeySecrets), under the server's key. */
export interface SecretBox {
  /** `v1:` + base64url(iv | tag | ciphertext), AES-256-GCM with a fresh random 12-byte IV. */
  seal(plain: string): string;
  /** Throws OutdialError INTERNAL when the text was sealed under another key or was altered. */
  open(sealed: string): string;
}

const PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createSecretBox(key: Buffer): SecretBox {
  if (!Buffer.isBuffer(key) || key.length !== 32) {
    throw new OutdialError('INTERNAL', 'the secret key must be 32 bytes', { field: 'key' });
  }
  const k = Buffer.from(key);
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', k, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
    },
    open(sealed) {
      const unreadable = () =>
        new OutdialError(
          'INTERNAL',
          'a sealed secret cannot be opened: it was sealed under another server key or has been altered',
        );
      if (typeof sealed !== 'string' || !sealed.startsWith(PREFIX)) throw unreadable();
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) throw unreadable();
      try {
        const decipher = createDecipheriv('aes-256-gcm', k, raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw unreadable();
      }
    },
  };
}
