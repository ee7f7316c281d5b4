import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OutdialError } from '../../../src/core/errors.js';
import { createSecretBox } from '../../../src/service/credentials/secretBox.js';

const SECRET = 'Zq8rT2mNw4Lk9Hs7Vb3Xc6Yd1Fg5Jp';

function refusal(f: () => unknown): OutdialError {
  try {
    f();
  } catch (e) {
    if (e instanceof OutdialError) return e;
    throw e;
  }
  throw new Error('expected the call to be refused');
}

describe('secret box', () => {
  const box = createSecretBox(randomBytes(32));

  it('opens what it sealed, unicode included', () => {
    expect(box.open(box.seal(SECRET))).toBe(SECRET);
    expect(box.open(box.seal('密钥 ✓'))).toBe('密钥 ✓');
    expect(box.open(box.seal(''))).toBe('');
  });

  it('never shows the secret in the sealed text, and seals the same secret differently each time', () => {
    const a = box.seal(SECRET);
    const b = box.seal(SECRET);
    expect(a).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(a).not.toContain(SECRET);
    expect(Buffer.from(a.slice(3), 'base64url').toString('latin1')).not.toContain(SECRET);
    expect(a).not.toBe(b);
  });

  it('refuses to open under another key, without revealing the secret', () => {
    const sealed = box.seal(SECRET);
    const e = refusal(() => createSecretBox(randomBytes(32)).open(sealed));
    expect(e.code).toBe('INTERNAL');
    expect(e.message).not.toContain(SECRET);
  });

  it('refuses tampered, truncated or foreign text', () => {
    const sealed = box.seal(SECRET);
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    for (const i of [0, 12, 28, raw.length - 1]) {
      const bent = Buffer.from(raw);
      bent[i] = (bent[i] as number) ^ 1;
      expect(refusal(() => box.open(`v1:${bent.toString('base64url')}`)).code).toBe('INTERNAL');
    }
    expect(refusal(() => box.open(sealed.slice(0, 20))).code).toBe('INTERNAL');
    expect(refusal(() => box.open(SECRET)).code).toBe('INTERNAL');
    expect(refusal(() => box.open(`v2:${sealed.slice(3)}`)).code).toBe('INTERNAL');
  });

  it('wants a 32-byte key', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(OutdialError);
  });
});
