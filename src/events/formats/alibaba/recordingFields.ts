import type { TaskSnapshot } from '../../../core/events.js';

/**
 * The parts of a RecordingReady `recording` that the kept recording gives: its length in whole seconds, file
 * name and download URL (the vendor's example: `5`, `"a.wav"`, `"https://a.wav"`). `mkvUrl`, the vendor's
 * video container of the call, stays '': Outdial keeps audio only.
 */
export function recordingFields(task: TaskSnapshot | null) {
  const recording = task?.recording ?? null;
  return {
    duration: recording ? Math.round(recording.durationMs / 1000) : 0,
    fileName: recording?.fileName ?? '',
    mkvUrl: '',
    url: recording?.url ?? '',
  };
}
