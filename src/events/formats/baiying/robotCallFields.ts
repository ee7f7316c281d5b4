import type { JobEvent, TaskSnapshot } from '../../../core/events.js';
import { classicLevelName } from './intentLevel.js';
import { phoneLogs } from './phoneLogs.js';
import { shanghaiDateTime } from './shanghaiTime.js';
import { taskResult } from './taskResult.js';

/** `hangUp` (挂机人): 0 the robot (AI), 1 the customer. */
export const HangUp = { Robot: 0, Customer: 1 } as const;

/** Every robot end reason but the customer's hanging up is the robot ending its part (a transfer included). */
const hangUpOf = (endReason: string | null): number =>
  endReason === null || endReason === 'callerHungUp' ? HangUp.Customer : HangUp.Robot;

/**
 * The parts of CALL_INSTANCE_RESULT that only a voice robot produces: dialogue rounds, recordings, the
 * script's grading (taskResult: intent level A–F, tags) and the dialogue log (phoneLog), from the task's
 * robot result. A call of a group without a script has them empty, typed as seed 004's example types them;
 * so has a graded call that nobody answered, but for its level. The recording link is the kept recording of
 * both sides (`luyinOssUrl`); not told: a recording of the customer alone (none is kept), the script's name
 * (`handlePerson`) and industry (a job event does not carry the script), a human agent.
 */
export function robotCallFields(event: JobEvent, task: TaskSnapshot) {
  const robot = task.robot ?? null;
  const madeAt = shanghaiDateTime(task.endTime ?? event.occurredAt);
  const answeredAt = task.answeredAt ?? robot?.transcript[0]?.at ?? task.actualTime ?? task.plannedTime;
  const recordingUrl = task.recording?.url ?? '';
  return {
    sceneInstance: {
      /** 通话轮次: robot turns. */
      chatRound: robot?.rounds ?? 0,
      /** Recording of both sides, and of the customer alone. */
      luyinOssUrl: recordingUrl,
      userLuyinOssUrl: '',
      /** 话术名 */
      handlePerson: '',
      industry: '',
      /** The intent level in BaiYing's classic wording, e.g. `C级(很少)`. */
      trackResult: classicLevelName(robot?.level ?? null),
      bugType: null,
      /** With no robot on the call it is never the robot. */
      hangUp: hangUpOf(robot?.endReason ?? null),
      /** Human agent the call was handed to. */
      csStaffId: null,
    },
    taskResult: robot
      ? taskResult(robot, { taskId: task.id, instanceId: event.instanceId, jobGroupId: event.jobGroupId, madeAt })
      : [],
    phoneLog: {
      phoneLogs: robot ? phoneLogs(robot, { taskId: task.id, instanceId: event.instanceId, answeredAt }) : [],
      luyinOssUrl: recordingUrl,
    },
  };
}
