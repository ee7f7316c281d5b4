import { isTerminalJobStatus } from '../../../core/enums.js';
import type { JobEvent, TaskSnapshot } from '../../../core/events.js';
import type { Contact, Extra } from '../../../core/types.js';
import { callerNumberType } from './callerNumberType.js';
import { finishStatusOf } from './finishStatus.js';
import { robotCallFields } from './robotCallFields.js';
import { javaGmtDateString, shanghaiDateTime } from './shanghaiTime.js';

/** 电话实例状态 2: 已完成. */
const INSTANCE_DONE = 2;

const seconds = (ms: number): number => Math.round(ms / 1000);

/** The contact the call went to: the one whose number was dialled, else the job's first. */
function calledContact(contacts: Contact[], calledNumber: string): Contact | undefined {
  return contacts.find((c) => c.e164 === calledNumber || c.phoneNumber === calledNumber) ?? contacts[0];
}

/** The job's extras as BaiYing's `properties`: a JSON string of {key: value}. */
const properties = (extras: Extra[]): string => JSON.stringify(Object.fromEntries(extras.map((e) => [e.key, e.value])));

/** The `data` of a CALL_INSTANCE_RESULT callback: one finished call. */
export function callInstanceResult(event: JobEvent, task: TaskSnapshot) {
  const { job } = event;
  const contact = calledContact(job.contacts, task.calledNumber);
  const robot = robotCallFields(event, task);
  const startedAt = task.actualTime ?? task.plannedTime;
  const endedAt = task.endTime ?? event.occurredAt;
  return {
    sceneInstance: {
      callInstanceId: task.id,
      companyId: event.instanceId,
      // The tenant is the only owner Outdial knows of; BaiYing's calling user is an account inside a company.
      callUserId: event.instanceId,
      callJobId: event.jobGroupId,
      customerId: event.jobId,
      customerTelephone: contact?.phoneNumber || task.calledNumber,
      customerName: contact?.name ?? '',
      status: INSTANCE_DONE,
      finishStatus: finishStatusOf(task.status),
      duration: seconds(task.talkDuration),
      chatRound: robot.sceneInstance.chatRound,
      startTime: shanghaiDateTime(startedAt),
      endTime: shanghaiDateTime(endedAt),
      callerPhone: task.callingNumber,
      luyinOssUrl: robot.sceneInstance.luyinOssUrl,
      userLuyinOssUrl: robot.sceneInstance.userLuyinOssUrl,
      properties: properties(job.extras),
      handlePerson: robot.sceneInstance.handlePerson,
      callType: callerNumberType(task.callingNumber),
      // 通话实例索引: 0 for the job's first call.
      callIndex: Math.max(0, task.attempt - 1),
      readStatus: 0,
      // A job event does not carry its group's name or script.
      jobName: '',
      robotDefId: null,
      sceneDefId: null,
      sceneRecordId: null,
      // BaiYing fills corpName with its own platform details (host, ip, ASR billing); Outdial has none to tell.
      corpName: '',
      industry: robot.sceneInstance.industry,
      trackResult: robot.sceneInstance.trackResult,
      bugType: robot.sceneInstance.bugType,
      hangUp: robot.sceneInstance.hangUp,
      // BaiYing's own redial counter; Outdial redials by the strategy, and jobFinished tells whether more come.
      secondaryCallTime: shanghaiDateTime(0),
      secondaryCallTimes: 0,
      cost: 0,
      callbacked: 0,
      csStaffId: robot.sceneInstance.csStaffId,
      gmtCreate: shanghaiDateTime(task.plannedTime),
      gmtModified: shanghaiDateTime(event.occurredAt),
    },
    taskResult: robot.taskResult,
    phoneLog: robot.phoneLog,
    jobFinished: isTerminalJobStatus(job.status),
    // Callback signing is a BaiYing option with an unpublished algorithm; the webhook sink signs each request instead.
    sign: null,
    dateTime: javaGmtDateString(event.occurredAt),
  };
}
