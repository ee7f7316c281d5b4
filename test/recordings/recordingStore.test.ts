import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileRecordingStore } from '../../src/recordings/recordingStore.js';
import type { CallRecording } from '../../src/telephony/port.js';

const audio = (bytes: number[]): CallRecording => ({
  contentType: 'audio/wav',
  data: Uint8Array.from(bytes),
  durationMs: 1,
});

describe('recordings kept as files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outdial-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('saves, opens, replaces on a second save, and removes; a missing one opens as null', async () => {
    const store = createFileRecordingStore(dir);
    const id = '0193a5b2-7c1d-7e3f-8a9b-0c1d2e3f40ab';
    expect(await store.save(id, audio([1, 2, 3]))).toEqual({ fileName: `${id}.wav`, size: 3 });
    expect(await store.save(id, audio([4, 5]))).toEqual({ fileName: `${id}.wav`, size: 2 });
    const file = await store.open(id);
    expect(file?.size).toBe(2);
    expect(file?.contentType).toBe('audio/wav');
    expect([...Buffer.concat((await file?.stream.toArray()) ?? [])]).toEqual([4, 5]);
    // Spread over folders by the id's end; no temporary file is left beside it.
    expect(readdirSync(join(dir, 'ab'))).toEqual([`${id}.wav`]);

    await store.remove(id);
    expect(await store.open(id)).toBeNull();
    expect(await store.open('never-saved')).toBeNull();
  });

  it('refuses ids that could name a path outside its folder', async () => {
    const store = createFileRecordingStore(dir);
    for (const id of ['../escape', 'a/b', '', 'x'.repeat(101)]) {
      await expect(store.save(id, audio([1]))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await store.open(id)).toBeNull();
    }
  });
});
