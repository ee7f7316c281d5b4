import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FailureReason, JobStatus, TaskStatus } from '../../../src/core/enums.js';
import {
  EVENT_TYPES,
  JOB_EVENT_TYPES,
  type JobEvent,
  type JobEventType,
  type JobGroupEvent,
  type TaskSnapshot,
} from '../../../src/core/events.js';
import type { Strategy } from '../../../src/core/strategy/types.js';
import { alibabaFormat } from '../../../src/events/formats/alibaba.js';
import { robotCall } from './robotCall.js';

/** Seed 001 lines 131–176: "任务级别/通话级别消息体", the vendor's JobComplete example. */
const SEED_JOB_BODY = JSON.parse(`{
"eventType":"JobComplete",
"eventTime":1588850490334,
"instanceId":"08a4c460-****-737e069a154f",
"groupId":"8869f35d-****-9b46437bc0fa",
"id":"08a4c460-****-737e069a154f",
"status":"Failed",
"failureReason":"NoAnswer",
"extras":[{"key":"custom","value":"aaa"}],
"contacts":[{"id":"762c2e16-****-00a0f13372b1","honorific":"test","name":"test","phoneNumber":"11111111",
  "referenceId":"762c2e16-****-00a0f13372b1"}],
"tasks":[
{"id":"60b48efe-****-5d6b70479641","callId":"60b48efe-****-5d6b70479641","planedTime":1588850490334,
  "actualTime":1588850490334,"endTime":1588850490334,"callingNumber":"123456","calledNumber":"11111111",
  "status":"NoAnswer"},
{"id":"60b48efe-****-5d6b70479642","callId":"60b48efe-****-5d6b70479642","planedTime":1588850590334,
  "actualTime":1588850590334,"endTime":1588850590334,"callingNumber":"123456","calledNumber":"11111111",
  "status":"NoAnswer"}
]}`);

/** Seed 001 lines 178–207: "录音级别消息体", the vendor's RecordingReady example. */
const SEED_RECORDING_BODY = JSON.parse(`{
"eventType":"RecordingReady",
"eventTime":1588850490334,
"instanceId":"08a4c460-***-737e069a154f",
"groupId":"8869f35d-***-9b46437bc0fa",
"id":"08a4c460-***-737e069a154f",
"extras":[{"key":"custom","value":"aaa"}],
"contacts":[{"id":"762c2e16-***-00a0f13372b1","honorific":"test","name":"test","phoneNumber":"11111111",
  "referenceId":"762c2e16-***-00a0f13372b1"}],
"recording":{"taskId":"60b48efe-***-5d6b70479641","callId":"60b48efe-***-5d6b70479641","duration":5,
  "fileName":"a.wav","mkvUrl":"https://a.wav","url":"https://a.wav"}
}`);

/** Seed 001 lines 218–255 ("枚举值"); FailureReason 12 and 13 are from the vendor's newer SDK list. */
const DOCUMENTED_JOB_STATUS = { Scheduling: 0, Executing: 1, Succeeded: 2, Paused: 3, Failed: 4, Cancelled: 5 };
const DOCUMENTED_FAILURE_REASON = {
  Unknown: 0,
  NoAnswer: 1,
  InvalidStrategy: 2,
  TimeUp: 3,
  NoStrategy: 4,
  CallFailed: 5,
  PerDayCallCountLimit: 6,
  ContactBlockList: 7,
  EmptyNumber: 8,
  JobPerDayCallCountLimit: 9,
  VerificationCancelled: 10,
  ContactSuspended: 11,
  InArrears: 12,
  OutOfService: 13,
};
const DOCUMENTED_TASK_STATUS = {
  Executing: 0,
  Succeeded: 1,
  NoAnswer: 2,
  NotExist: 3,
  Busy: 4,
  Cancelled: 5,
  Failed: 6,
  NotConnected: 7,
  PoweredOff: 8,
  OutOfService: 9,
  InArrears: 10,
  EmptyNumber: 11,
  PerDayCallCountLimit: 12,
  ContactBlockList: 13,
  CallerNotRegistered: 14,
  Terminated: 15,
  VerificationCancelled: 16,
};

const INSTANCE = '08a4c460-****-737e069a154f';
const GROUP = '8869f35d-****-9b46437bc0fa';
const JOB = '08a4c460-****-737e069a154f';
const CONTACT_REF = '762c2e16-****-00a0f13372b1';

function task(id: string, at: number, over: Partial<TaskSnapshot> = {}): TaskSnapshot {
  return {
    id,
    attempt: 1,
    status: TaskStatus.NoAnswer,
    plannedTime: at,
    actualTime: at,
    answeredAt: null,
    endTime: at,
    callingNumber: '123456',
    calledNumber: '11111111',
    hangupCause: 'NO_ANSWER',
    sipCode: 480,
    ringDuration: 30_000,
    talkDuration: 0,
    ...over,
  };
}

const TASK_1 = task('60b48efe-****-5d6b70479641', 1588850490334);
const TASK_2 = task('60b48efe-****-5d6b70479642', 1588850590334, { attempt: 2 });

/** The Outdial event the seed's JobComplete example describes. */
function seedEvent(type: JobEventType, over: Partial<JobEvent> = {}): JobEvent {
  return {
    id: 'evt-1',
    type,
    occurredAt: 1588850490334,
    instanceId: INSTANCE,
    jobGroupId: GROUP,
    jobId: JOB,
    taskId: null,
    job: {
      id: JOB,
      instanceId: INSTANCE,
      jobGroupId: GROUP,
      referenceId: 'job-ref',
      status: JobStatus.Failed,
      failureReason: FailureReason.NoAnswer,
      contacts: [
        { phoneNumber: '11111111', e164: '+8611111111', name: 'test', honorific: 'test', referenceId: CONTACT_REF },
      ],
      extras: [{ key: 'custom', value: 'aaa' }],
      attempts: 2,
    },
    task: null,
    tasks: [TASK_1, TASK_2],
    ...over,
  };
}

/** A job group that ended: Alibaba has no message for it. */
function groupEvent(): JobGroupEvent {
  const strategy: Strategy = {
    repeatBy: 'once',
    repeatDays: [],
    workingTime: [],
    holidays: [],
    maxAttemptsPerDay: 1,
    minAttemptInterval: 0,
  };
  return {
    id: 'evt-group',
    type: 'JobGroupComplete',
    occurredAt: 1588850590334,
    instanceId: INSTANCE,
    jobGroupId: GROUP,
    jobId: null,
    taskId: null,
    group: {
      id: GROUP,
      instanceId: INSTANCE,
      name: 'g',
      description: '',
      scriptId: null,
      scriptVersion: null,
      status: 'Completed',
      priority: 'Daily',
      strategy,
      recallStrategy: { emptyNumberIgnore: false, inArrearsIgnore: false, outOfServiceIgnore: false },
      lineGroupIds: [],
      ringingDuration: 30,
      concurrency: 0,
      timeZone: 'Asia/Shanghai',
      createdAt: 0,
      modifiedAt: 0,
      startedAt: null,
      finishedAt: 1588850590334,
    },
    progress: {
      jobGroupId: GROUP,
      status: 'Completed',
      totalJobs: 1,
      jobsByStatus: { Scheduling: 0, Executing: 0, Succeeded: 0, Paused: 0, Failed: 1, Cancelled: 0 },
      failureReasons: { NoAnswer: 1 },
      tasksByStatus: { NoAnswer: 2 },
      attempts: 2,
      answered: 0,
      answerRate: 0,
      talkSeconds: 0,
      firstCallAt: 1588850490334,
      lastCallEndAt: 1588850590334,
      startedAt: null,
      finishedAt: 1588850590334,
    },
  };
}

function render(event: JobEvent) {
  const out = alibabaFormat(event);
  if (!out) throw new Error(`no message for ${event.type}`);
  return { ...out, message: JSON.parse(out.body) as Record<string, unknown> };
}

/** Keys and leaf types, recursively; an array by the shape of its first element. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? [] : [shape(v[0])];
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]));
  }
  return v === null ? 'null' : typeof v;
}

describe('alibaba format: job and call messages', () => {
  it("renders the seed's JobComplete example byte for byte, key order included", () => {
    const out = render(seedEvent('JobComplete'));
    expect(out.message).toEqual(SEED_JOB_BODY);
    expect(out.body).toBe(JSON.stringify(SEED_JOB_BODY));
    expect(out.contentType).toBe('application/json');
    expect(out.key).toBe('JobComplete');
  });

  it.each(['Dialing', 'CallAnswered', 'CallFinished'] as const)(
    '%s has the job-level body with only its own task',
    (type) => {
      const out = render(seedEvent(type, { taskId: TASK_2.id, task: TASK_2, tasks: [] }));
      expect(shape(out.message)).toEqual(shape(SEED_JOB_BODY));
      expect(Object.keys(out.message)).toEqual(Object.keys(SEED_JOB_BODY));
      expect(out.message.eventType).toBe(type);
      expect(out.key).toBe(type);
      expect(out.message.tasks).toEqual([SEED_JOB_BODY.tasks[1]]);
    },
  );

  it('a call event of a running job: status Executing, no failure reason, times not reached are 0', () => {
    const dialing = task('t-1', 1_000, { status: TaskStatus.Executing, actualTime: null, endTime: null });
    const event = seedEvent('Dialing', { taskId: 't-1', task: dialing, tasks: [] });
    event.job = { ...event.job, status: JobStatus.Executing, failureReason: null };
    const { message } = render(event);
    expect(message.status).toBe('Executing');
    expect(message.failureReason).toBe('');
    expect(message.tasks).toEqual([
      {
        id: 't-1',
        callId: 't-1',
        planedTime: 1_000,
        actualTime: 0,
        endTime: 0,
        callingNumber: '123456',
        calledNumber: '11111111',
        status: 'Executing',
      },
    ]);
  });

  it('a succeeded job sends an empty failureReason, not Unknown', () => {
    const event = seedEvent('JobComplete');
    event.job = { ...event.job, status: JobStatus.Succeeded, failureReason: null };
    const { message } = render(event);
    expect(message.status).toBe('Succeeded');
    expect(message.failureReason).toBe('');
  });

  it("a contact's id is its referenceId, else the job's referenceId, else the job id", () => {
    const event = seedEvent('JobComplete');
    const contact = { phoneNumber: '021 5555 0000', e164: '+862155550000', name: 'Li', honorific: 'Mr' };
    event.job = {
      ...event.job,
      contacts: [
        { ...contact, referenceId: 'c-ref' },
        { ...contact, referenceId: '' },
      ],
    };
    expect(render(event).message.contacts).toEqual([
      { id: 'c-ref', honorific: 'Mr', name: 'Li', phoneNumber: '021 5555 0000', referenceId: 'c-ref' },
      { id: 'job-ref', honorific: 'Mr', name: 'Li', phoneNumber: '021 5555 0000', referenceId: '' },
    ]);
    event.job = { ...event.job, referenceId: '', contacts: [{ ...contact, referenceId: '' }] };
    expect(render(event).message.contacts).toMatchObject([{ id: JOB }]);
  });

  it('empty contacts, extras and tasks stay empty arrays', () => {
    const event = seedEvent('CallFinished', { task: null, tasks: [] });
    event.job = { ...event.job, contacts: [], extras: [] };
    const { message } = render(event);
    expect(message).toMatchObject({ contacts: [], extras: [], tasks: [] });
  });
});

describe('alibaba format: the robot’s result', () => {
  it('adds nothing to the seed’s bodies: a graded call sends what an ungraded one does', () => {
    const graded = { ...TASK_2, status: TaskStatus.Succeeded, robot: robotCall(TASK_2.plannedTime) };
    const plain = { ...graded, robot: null };
    for (const type of JOB_EVENT_TYPES) {
      const withRobot = seedEvent(type, { task: graded, tasks: [TASK_1, graded] });
      const without = seedEvent(type, { task: plain, tasks: [TASK_1, plain] });
      expect(alibabaFormat(withRobot)?.body, type).toBe(alibabaFormat(without)?.body);
    }
  });
});

describe('alibaba format: recording message', () => {
  it("has the seed's RecordingReady keys and types, with what Outdial knows filled in", () => {
    const out = render(seedEvent('RecordingReady', { taskId: TASK_1.id, task: TASK_1, tasks: [] }));
    expect(shape(out.message)).toEqual(shape(SEED_RECORDING_BODY));
    expect(out.body.startsWith('{"eventType":"RecordingReady","eventTime":1588850490334,"instanceId"')).toBe(true);
    expect(Object.keys(out.message)).toEqual(Object.keys(SEED_RECORDING_BODY));
    expect(Object.keys(out.message.recording as object)).toEqual(Object.keys(SEED_RECORDING_BODY.recording));
    expect(out.message).toMatchObject({
      id: JOB,
      groupId: GROUP,
      extras: SEED_JOB_BODY.extras,
      contacts: SEED_JOB_BODY.contacts,
      recording: { taskId: TASK_1.id, callId: TASK_1.id, duration: 0, fileName: '', mkvUrl: '', url: '' },
    });
    expect(out.key).toBe('RecordingReady');
  });

  it('takes the task id from the event when the task snapshot is missing', () => {
    const { message } = render(seedEvent('RecordingReady', { taskId: 't-9', task: null, tasks: [] }));
    expect(message.recording).toMatchObject({ taskId: 't-9', callId: 't-9' });
  });
});

describe('alibaba format: enums by their documented names', () => {
  const codesOf = (o: Record<string, number>) => Object.values(o).sort((a, b) => a - b);

  it('every JobStatus code goes out as its seed name', () => {
    expect(codesOf(DOCUMENTED_JOB_STATUS)).toEqual(codesOf(JobStatus));
    for (const [name, code] of Object.entries(DOCUMENTED_JOB_STATUS)) {
      const event = seedEvent('JobComplete');
      event.job = { ...event.job, status: code as JobStatus };
      expect(render(event).message.status).toBe(name);
    }
  });

  it('every FailureReason code goes out as its documented name', () => {
    expect(codesOf(DOCUMENTED_FAILURE_REASON)).toEqual(codesOf(FailureReason));
    for (const [name, code] of Object.entries(DOCUMENTED_FAILURE_REASON)) {
      const event = seedEvent('JobComplete');
      event.job = { ...event.job, failureReason: code as FailureReason };
      expect(render(event).message.failureReason).toBe(name);
    }
  });

  it('every TaskStatus code goes out as its seed name', () => {
    expect(codesOf(DOCUMENTED_TASK_STATUS)).toEqual(codesOf(TaskStatus));
    for (const [name, code] of Object.entries(DOCUMENTED_TASK_STATUS)) {
      const t = task('t', 1, { status: code as TaskStatus });
      const { message } = render(seedEvent('CallFinished', { task: t, tasks: [] }));
      expect(message.tasks).toMatchObject([{ status: name }]);
    }
  });
});

describe('alibaba format: coverage of event types', () => {
  it('has a message for every event type but JobGroupComplete, keyed by the type', () => {
    for (const type of EVENT_TYPES) {
      const out = alibabaFormat(type === 'JobGroupComplete' ? groupEvent() : seedEvent(type));
      if (type === 'JobGroupComplete') expect(out).toBeNull();
      else expect(out?.key).toBe(type);
    }
  });

  it("any job event renders to the seed's keys, with its own tasks and a routing-key-safe key", () => {
    const text = fc.string({ maxLength: 12 });
    const taskArb = fc.record({
      id: text,
      attempt: fc.nat(),
      status: fc.constantFrom(...Object.values(TaskStatus)),
      plannedTime: fc.integer(),
      actualTime: fc.option(fc.integer()),
      answeredAt: fc.option(fc.integer()),
      endTime: fc.option(fc.integer()),
      callingNumber: text,
      calledNumber: text,
      hangupCause: fc.option(text),
      sipCode: fc.option(fc.nat()),
      ringDuration: fc.nat(),
      talkDuration: fc.nat(),
    });
    const eventArb = fc.record({
      type: fc.constantFrom(...JOB_EVENT_TYPES),
      occurredAt: fc.integer(),
      status: fc.constantFrom(...Object.values(JobStatus)),
      failureReason: fc.option(fc.constantFrom(...Object.values(FailureReason))),
      contacts: fc.array(fc.record({ phoneNumber: text, e164: text, name: text, honorific: text, referenceId: text }), {
        maxLength: 3,
      }),
      extras: fc.array(fc.record({ key: text, value: text }), { maxLength: 3 }),
      task: fc.option(taskArb),
      tasks: fc.array(taskArb, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(eventArb, (a) => {
        const base = seedEvent(a.type, { occurredAt: a.occurredAt, task: a.task, tasks: a.tasks });
        base.job = {
          ...base.job,
          status: a.status,
          failureReason: a.failureReason,
          contacts: a.contacts,
          extras: a.extras,
        };
        const out = render(base);
        expect(out.key).toMatch(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/);
        const expected = a.type === 'RecordingReady' ? SEED_RECORDING_BODY : SEED_JOB_BODY;
        expect(Object.keys(out.message)).toEqual(Object.keys(expected));
        if (a.type === 'RecordingReady') return;
        const sent = a.type === 'JobComplete' ? a.tasks : a.task ? [a.task] : [];
        expect((out.message.tasks as { id: string }[]).map((t) => t.id)).toEqual(sent.map((t) => t.id));
      }),
    );
  });
});
