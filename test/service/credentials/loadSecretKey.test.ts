import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutdialError } from '../../../src/core/errors.js';
import { loadSecretKey } from '../../../src/service/credentials/loadSecretKey.js';

const MODULE = fileURLToPath(new URL('../../../src/service/credentials/loadSecretKey.ts', import.meta.url));

function refusal(f: () => unknown): OutdialError {
  try {
    f();
  } catch (e) {
    if (e instanceof OutdialError) return e;
    throw e;
  }
  throw new Error('expected the call to be refused');
}

/** Starts a separate Node process that loads the key from `dataDir` and prints it in hex. */
function loadInChild(dataDir: string): Promise<string> {
  const script = `const { loadSecretKey } = await import(${JSON.stringify(MODULE)});
process.stdout.write(loadSecretKey({ dataDir: ${JSON.stringify(dataDir)} }).toString('hex'));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(err))));
  });
}

describe('the server secret key', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'outdial-key-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('takes OUTDIAL_SECRET_KEY as 64 hex characters or as base64 of 32 bytes', () => {
    const key = randomBytes(32);
    expect(loadSecretKey({ fromEnv: key.toString('hex'), dataDir: root })).toEqual(key);
    expect(loadSecretKey({ fromEnv: key.toString('hex').toUpperCase(), dataDir: root })).toEqual(key);
    expect(loadSecretKey({ fromEnv: key.toString('base64'), dataDir: root })).toEqual(key);
    expect(loadSecretKey({ fromEnv: key.toString('base64url'), dataDir: root })).toEqual(key);
    expect(loadSecretKey({ fromEnv: `  ${key.toString('hex')}\n`, dataDir: root })).toEqual(key);
  });

  it('refuses any other OUTDIAL_SECRET_KEY, naming it and not echoing it', () => {
    for (const bad of [
      '',
      'secret',
      'ab'.repeat(31),
      'ab'.repeat(33),
      randomBytes(16).toString('base64'),
      'zz'.repeat(32),
    ]) {
      const e = refusal(() => loadSecretKey({ fromEnv: bad, dataDir: root }));
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.details.field).toBe('OUTDIAL_SECRET_KEY');
      expect(e.message).toContain('OUTDIAL_SECRET_KEY');
      if (bad) expect(e.message).not.toContain(bad);
    }
  });

  it('without OUTDIAL_SECRET_KEY, creates <dataDir>/secret.key (mode 0600, directory too) and reuses it later', () => {
    const dataDir = join(root, 'not', 'yet', 'there');
    const first = loadSecretKey({ dataDir });
    expect(first).toHaveLength(32);
    const file = join(dataDir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('hex'));
    expect(loadSecretKey({ dataDir })).toEqual(first);
    expect(loadSecretKey({ dataDir: root })).not.toEqual(first);
  });

  it('refuses a damaged key file, naming it', () => {
    writeFileSync(join(root, 'secret.key'), 'this is not a key');
    const e = refusal(() => loadSecretKey({ dataDir: root }));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toContain(join(root, 'secret.key'));
  });

  it('leaves one key when several processes start at once', async () => {
    const keys = await Promise.all(Array.from({ length: 6 }, () => loadInChild(root)));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe(readFileSync(join(root, 'secret.key'), 'utf8').trim());
  });
});
