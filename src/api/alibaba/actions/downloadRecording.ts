import { getRecordingOf } from '../../../service/recordings/getRecordingOf.js';
import { optionalBool, required } from '../params.js';
import { callerInstanceId } from './instanceScope.js';
import type { ActionHandler } from './types.js';

/** How long a SignatureUrl works. */
export const SIGNED_LINK_SECONDS = 3600;

/**
 * DownloadRecording: where a call's (TaskId's) recording is downloaded from. `SignatureUrl` is the REST link
 * pre-signed for an hour (`Expires`, `Signature`), so it downloads without an API key, as the vendor's OSS link
 * does. The whole call is one file: with NeedVoiceSliceRecording the slice list is an empty JSON array.
 */
export const downloadRecording: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const taskId = required(p, 'TaskId');
  const slices = optionalBool(p, 'NeedVoiceSliceRecording') === true;
  const recording = await getRecordingOf(ctx.deps, instanceId, taskId);
  return {
    DownloadParams: {
      FileName: recording.fileName,
      SignatureUrl: ctx.deps.recordingLinks
        ? ctx.deps.recordingLinks.sign(recording.url, taskId, ctx.deps.clock.now(), SIGNED_LINK_SECONDS)
        : recording.url,
      ...(slices ? { VoiceSliceRecordingListJson: '[]' } : {}),
    },
  };
};
