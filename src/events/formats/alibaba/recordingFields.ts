import type { TaskSnapshot } from '../../../core/events.js';

/**
 * The parts of a RecordingReady `recording` that only a stored recording can give: its length in seconds,
 * file name and download URLs (the vendor's example: `5`, `"a.wav"`, `"https://a.wav"`). Calls are not
 * recorded yet, so they go out empty, typed as in that example.
 */
export function recordingFields(_task: TaskSnapshot | null) {
  return { duration: 0, fileName: '', mkvUrl: '', url: '' };
}
