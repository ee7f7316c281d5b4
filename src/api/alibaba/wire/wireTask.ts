import { TaskStatus, taskStatusName } from '../../../core/enums.js';
import type { TaskRobotResult } from '../../../core/events.js';
import type { Job, Task } from '../../../core/types.js';
import { calledContactIndex, wireContact } from './wireContact.js';
import { wireConversation } from './wireConversation.js';
import { hangUpDirection, taskEndReason } from './wireRobotEnd.js';

const seconds = (ms: number) => Math.round(ms / 1000);

/**
 * One call attempt as a Job's Task. `PlanedTime` is the vendor's spelling on the wire. Durations are
 * seconds. The robot's result of the call, when its group runs a script, gives the Conversation, the
 * EndReason and who hung up (wireConversation.ts, wireRobotEnd.ts).
 */
export function wireTask(task: Task, job: Job, robot: TaskRobotResult | null = null) {
  const index = calledContactIndex(job, task.calledNumber);
  const contact = job.contacts[index];
  const total =
    task.actualTime !== null && task.endTime !== null
      ? task.endTime - task.actualTime
      : task.ringDuration + task.talkDuration;
  return {
    TaskId: task.id,
    JobId: task.jobId,
    Status: taskStatusName(task.status),
    PlanedTime: task.plannedTime,
    ActualTime: task.actualTime ?? 0,
    EndTime: task.endTime ?? 0,
    Duration: seconds(task.talkDuration),
    TotalDuration: seconds(Math.max(0, total)),
    RingingDuration: seconds(task.ringDuration),
    RealRingingDuration: seconds(task.ringDuration),
    CallId: task.id,
    CallingNumber: task.callingNumber,
    CalledNumber: task.calledNumber,
    ChatbotId: '',
    ScenarioId: '',
    EndReason: taskEndReason(task.status === TaskStatus.Succeeded, robot),
    HangUpDirection: hangUpDirection(robot, 'code'),
    SipCode: task.sipCode === null ? '' : String(task.sipCode),
    SipDuration: 0,
    Brief: '',
    Contact: contact ? wireContact(job, contact, index) : undefined,
    Conversation: wireConversation(robot),
  };
}
