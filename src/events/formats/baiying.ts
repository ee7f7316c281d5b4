import { isJobGroupEvent } from '../../core/events.js';
import type { EventFormat } from '../format.js';
import { callInstanceResult } from './baiying/callInstanceResult.js';
import { jobInfoResult } from './baiying/jobInfoResult.js';

/**
 * BaiYing (百应) voice-robot callbacks, seed 004: a CALL_INSTANCE_RESULT when a call finished and a
 * JOB_INFO_RESULT when a job (campaign) ended. BaiYing sends nothing when a call is dialled, is answered, or
 * when one customer is done, and recordings arrive inside the call callback, so Dialing, CallAnswered,
 * JobComplete and RecordingReady have no message here.
 *
 * Words: company = instance, callJob = job group, customer = job, call instance = task.
 * Ids: BaiYing's ids are numbers, Outdial's are strings (UUIDs); every id field carries Outdial's id as a
 * string, which a receiver compares and never computes with. Script ids are null when the event has none.
 * Times: China wall-clock text, Asia/Shanghai (see shanghaiTime.ts).
 */
export const baiyingFormat: EventFormat = (event) => {
  if (isJobGroupEvent(event)) return callback('JOB_INFO_RESULT', '执行成功', jobInfoResult(event));
  if (event.type !== 'CallFinished' || event.task === null) return null;
  return callback('CALL_INSTANCE_RESULT', '成功', callInstanceResult(event, event.task));
};

type DataType = 'CALL_INSTANCE_RESULT' | 'JOB_INFO_RESULT';

/** BaiYing's envelope; `resultMsg` as the seed's example of each type has it. */
function callback(dataType: DataType, resultMsg: string, data: object) {
  return {
    body: JSON.stringify({ code: 200, data: { dataType, data }, resultMsg, errorStackTrace: null }),
    contentType: 'application/json',
    key: dataType,
  };
}
