import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { OutdialError } from '../../core/errors.js';
import { parseSecretKey } from './parseSecretKey.js';

const WAIT_FOR_WRITER_MS = 2_000;
const POLL_MS = 20;

/**
 * The server's secret key (it seals AccessKeySecrets). `fromEnv` (OUTDIAL_SECRET_KEY) wins when given:
 * 64 hex characters or base64 of 32 bytes. Otherwise `<dataDir>/secret.key` (64 hex characters), created
 * on first use with 32 random bytes and mode 0600. Losing this file makes every sealed secret unreadable.
 */
export function loadSecretKey(o: { fromEnv?: string; dataDir: string }): Buffer {
  if (o.fromEnv !== undefined) {
    const key = parseSecretKey(o.fromEnv);
    if (!key) {
      throw new OutdialError(
        'VALIDATION_FAILED',
        'OUTDIAL_SECRET_KEY: must be 64 hex characters or the base64 of 32 bytes',
        { field: 'OUTDIAL_SECRET_KEY' },
      );
    }
    return key;
  }
  const file = join(o.dataDir, 'secret.key');
  mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  const created = createKeyFile(file);
  return created ?? readKeyFile(file);
}

/** Writes a new key with 'wx'; undefined when the file already exists (another start, or an earlier one). */
function createKeyFile(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  const key = randomBytes(32);
  try {
    writeSync(fd, `${key.toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return key;
}

/**
 * Reads an existing key file. A process that lost the 'wx' race may find the file created but not yet
 * written, so an incomplete file is read again for a short while before it is refused.
 */
function readKeyFile(file: string): Buffer {
  const deadline = Date.now() + WAIT_FOR_WRITER_MS;
  for (;;) {
    const text = readFileSync(file, 'utf8');
    const key = parseSecretKey(text);
    if (key) return key;
    const maybeBeingWritten = /^[0-9a-f]{0,63}$/.test(text);
    if (!maybeBeingWritten || Date.now() >= deadline) {
      throw new OutdialError(
        'VALIDATION_FAILED',
        `${file}: is not a secret key (64 hex characters); restore it from a backup, set OUTDIAL_SECRET_KEY, or ` +
          'delete it to start with a new key (AccessKey pairs sealed under the old key then stop working)',
        { field: 'secret.key', file },
      );
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, POLL_MS);
  }
}
