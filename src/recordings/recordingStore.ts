import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { invalidField } from '../core/errors.js';
import type { CallRecording } from '../telephony/port.js';

/** A recording as kept: the name it is downloaded under and its size in bytes. */
export interface KeptRecording {
  fileName: string;
  size: number;
}

/** A kept recording opened for download. */
export interface RecordingFile {
  stream: Readable;
  size: number;
  contentType: string;
}

/** Where calls' recordings are kept, one per task. */
export interface RecordingStore {
  /** Keeps a task's recording; saving it again (a retried write) replaces it. */
  save(taskId: string, recording: CallRecording): Promise<KeptRecording>;
  /** The task's recording, or null when none is kept. */
  open(taskId: string): Promise<RecordingFile | null>;
  remove(taskId: string): Promise<void>;
}

/** The name a task's recording is downloaded under. */
export const recordingFileName = (taskId: string) => `${taskId}.wav`;

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Recordings as files under `dir`, spread over 256 folders by the end of the task id (a uuidv7's random part),
 * so no folder grows past what a file system lists quickly. A file is written under a temporary name and renamed:
 * a process killed mid-write leaves no half file under the real name.
 */
export function createFileRecordingStore(dir: string): RecordingStore {
  const pathOf = (taskId: string) => {
    if (!SAFE_ID.test(taskId)) throw invalidField('taskId', 'is not a task id');
    return join(dir, taskId.slice(-2).toLowerCase(), recordingFileName(taskId));
  };
  return {
    async save(taskId, recording) {
      const path = pathOf(taskId);
      await mkdir(join(path, '..'), { recursive: true });
      const temporary = `${path}.${process.pid}.part`;
      await writeFile(temporary, recording.data);
      await rename(temporary, path);
      return { fileName: recordingFileName(taskId), size: recording.data.byteLength };
    },
    async open(taskId) {
      if (!SAFE_ID.test(taskId)) return null;
      const path = pathOf(taskId);
      const size = await stat(path).then(
        (s) => s.size,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return null;
          throw error;
        },
      );
      if (size === null) return null;
      return { stream: createReadStream(path), size, contentType: 'audio/wav' };
    },
    async remove(taskId) {
      await rm(pathOf(taskId), { force: true });
    },
  };
}

/** What the engine needs to keep calls' recordings: where to keep them, and the URL each is downloaded from. */
export interface Recordings {
  store: RecordingStore;
  urlOf(taskId: string): string;
}
