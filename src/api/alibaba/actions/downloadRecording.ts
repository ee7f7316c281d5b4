import { getRecordingOf } from '../../../service/recordings/getRecordingOf.js';
import { optionalBool, required } from '../params.js';
import { callerInstanceId } from './instanceScope.js';
import type { ActionHandler } from './types.js';

/**
 * DownloadRecording: where a call's (TaskId's) recording is downloaded from. `SignatureUrl` is the REST link,
 * fetched with an API key of the instance (`Authorization: Bearer …`), not a pre-signed link. The whole call is
 * one file: with NeedVoiceSliceRecording the slice list is an empty JSON array.
 */
export const downloadRecording: ActionHandler = async (ctx, p) => {
  const instanceId = await callerInstanceId(ctx, p);
  const taskId = required(p, 'TaskId');
  const slices = optionalBool(p, 'NeedVoiceSliceRecording') === true;
  const recording = await getRecordingOf(ctx.deps, instanceId, taskId);
  return {
    DownloadParams: {
      FileName: recording.fileName,
      SignatureUrl: recording.url,
      ...(slices ? { VoiceSliceRecordingListJson: '[]' } : {}),
    },
  };
};
