import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FailureReason, JOB_GROUP_STATUSES, JobStatus, TaskStatus } from '../../../src/core/enums.js';
import {
  JOB_EVENT_TYPES,
  type JobEvent,
  type JobEventType,
  type JobGroupEvent,
  type OutdialEvent,
  type TaskSnapshot,
} from '../../../src/core/events.js';
import type { JobGroup, JobGroupProgress } from '../../../src/core/types.js';
import { HANGUP_REASON_OF_TASK_STATUS, HANGUP_REASONS } from '../../../src/events/formats/airudder/hangupReasons.js';
import { TASK_STATE_OF_GROUP_STATUS } from '../../../src/events/formats/airudder/taskStatusBody.js';
import { airudderFormat } from '../../../src/events/formats/airudder.js';
import { robotCall, unansweredRobotCall } from './robotCall.js';

/** Seed 002 (002_daa6d05d24634ade.txt), lines 213–237: the example of "PDS 任务状态更改回调". */
const SEED_TASK_STATUS_CALLBACK = JSON.parse(`{
  "workflow_id": "2b6951a25b434657b94d4d60d96fcf18",
  "workflow_name": "pds-test20",
  "nodetask_id": "5abeb76b414c4b8da455a253dac7bd86",
  "nodetask_name": "PDS1_cc18c2",
  "pds": {
    "type": "TaskStatus",
    "body": {
      "taskId": "9751a67700274a24b650334587653de6",
      "taskName": "wf_pds_task_e6480fad94f24b9ab9cc671e2eb21b03",
      "groupName": "group1",
      "startTime": "2022-11-21T02:37:50Z",
      "actualStartTime": "2022-11-21T02:38:02Z",
      "endTime": "",
      "totalNumber": 3,
      "dialedNumber": 0,
      "answeredNumber": 0,
      "talkedNumber": 0,
      "registeredCount": 1,
      "state": "Running",
      "displayTalkResult": "Agree",
      "talkResultCount": 0
    }
  }
}`) as Record<string, unknown>;

/**
 * /work/shared/reference/robots-baiying-airudder.md §2, lines 112–115: the ContactStatus body fields, in
 * the notes' order. The notes list the contact states without naming their field; the format sends it as
 * `state`, like the seed's TaskStatus body.
 */
const REFERENCE_CONTACT_FIELDS = [
  'callType',
  'callResultType',
  'talkResult',
  'taskId',
  'taskName',
  'callid',
  'phoneNumber',
  'mainNumber',
  'agentName',
  'phoneTag',
  'talkremarks',
  'calltime',
  'ringtime',
  'answertime',
  'talktime',
  'endtime',
  'customizeResults',
  'customerInfo',
  'hangupReason',
  'reclink',
  'nthCall',
];
const CONTACT_STATES = ['CALLING', 'RINGING', 'ANSWERED', 'HANGUP', 'TALKRESULT'];
/** Same notes, line 104: the task states. */
const REFERENCE_TASK_STATES = ['Creating', 'Not Started', 'Running', 'Paused', 'Cancelled', 'Finished'];
/** Same notes, lines 116–118: hangupReason codes. */
const REFERENCE_HANGUP_CODES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 17, 18, 19, 20];

const ISO_UTC_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const T0 = Date.UTC(2026, 0, 5, 9, 30, 0, 250);

/** Every key path of a JSON value, arrays collapsed to `[]`, with the JSON type of each leaf. */
function shape(v: unknown, path = ''): Record<string, string> {
  if (Array.isArray(v)) return { [path]: 'array', ...(v.length > 0 ? shape(v[0], `${path}[]`) : {}) };
  if (v !== null && typeof v === 'object') {
    const out: Record<string, string> = path ? { [path]: 'object' } : {};
    for (const [k, x] of Object.entries(v)) Object.assign(out, shape(x, path ? `${path}.${k}` : k));
    return out;
  }
  return { [path]: v === null ? 'null' : typeof v };
}

function task(o: Partial<TaskSnapshot> = {}): TaskSnapshot {
  return {
    id: 'task-2',
    attempt: 2,
    status: TaskStatus.Succeeded,
    plannedTime: T0 - 1_000,
    actualTime: T0,
    answeredAt: T0 + 8_000,
    endTime: T0 + 68_000,
    callingNumber: '+862150000000',
    calledNumber: '+8613800000000',
    hangupCause: 'NORMAL_CLEARING',
    sipCode: 200,
    ringDuration: 6_000,
    talkDuration: 60_000,
    ...o,
  };
}

function jobEvent(type: JobEventType, o: Partial<JobEvent> = {}): JobEvent {
  const t = task();
  return {
    id: `ev-${type}`,
    type,
    occurredAt: T0 + 70_000,
    instanceId: 'inst-1',
    jobGroupId: 'grp-1',
    jobId: 'job-1',
    taskId: t.id,
    job: {
      id: 'job-1',
      instanceId: 'inst-1',
      jobGroupId: 'grp-1',
      referenceId: 'ref-42',
      status: JobStatus.Executing,
      failureReason: null,
      contacts: [{ phoneNumber: '13800000000', e164: '+8613800000000', name: 'Li', honorific: '', referenceId: 'c-1' }],
      extras: [
        { key: 'amount', value: '120.50' },
        { key: 'dueDate', value: '2026-01-10' },
      ],
      attempts: 2,
    },
    task: t,
    tasks: [],
    ...o,
  };
}

function progress(o: Partial<JobGroupProgress> = {}): JobGroupProgress {
  return {
    jobGroupId: 'grp-1',
    status: 'Completed',
    totalJobs: 3,
    jobsByStatus: { Scheduling: 0, Executing: 0, Succeeded: 2, Paused: 0, Failed: 1, Cancelled: 0 },
    failureReasons: { NoAnswer: 1 },
    tasksByStatus: { Succeeded: 2, NoAnswer: 3 },
    attempts: 5,
    answered: 2,
    answerRate: 0.4,
    talkSeconds: 120,
    firstCallAt: T0,
    lastCallEndAt: T0 + 3_600_000,
    startedAt: T0 - 60_000,
    finishedAt: T0 + 3_600_000,
    ...o,
  };
}

function groupEvent(o: Partial<Omit<JobGroup, 'version'>> = {}, p: Partial<JobGroupProgress> = {}): JobGroupEvent {
  const group: Omit<JobGroup, 'version'> = {
    id: 'grp-1',
    instanceId: 'inst-1',
    name: 'January reminders',
    description: '',
    scriptId: null,
    scriptVersion: null,
    status: 'Completed',
    priority: 'Daily',
    strategy: {
      repeatBy: 'once',
      repeatDays: [],
      workingTime: [{ begin: 9 * 3600, end: 18 * 3600 }],
      holidays: [],
      startTime: T0 - 120_000,
      maxAttemptsPerDay: 3,
      minAttemptInterval: 10,
    },
    recallStrategy: { emptyNumberIgnore: false, inArrearsIgnore: false, outOfServiceIgnore: false },
    lineGroupIds: ['lg-1'],
    ringingDuration: 25,
    concurrency: 0,
    timeZone: 'Asia/Shanghai',
    createdAt: T0 - 600_000,
    modifiedAt: T0 - 600_000,
    startedAt: T0 - 60_000,
    finishedAt: T0 + 3_600_000,
    ...o,
  };
  return {
    id: 'ev-group',
    type: 'JobGroupComplete',
    occurredAt: T0 + 3_600_000,
    instanceId: 'inst-1',
    jobGroupId: group.id,
    jobId: null,
    taskId: null,
    group,
    progress: progress(p),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: a parsed vendor message is walked field by field
type Json = any;
function rendered(e: OutdialEvent): Json {
  const out = airudderFormat(e);
  if (!out) throw new Error(`no message for ${e.type}`);
  return JSON.parse(out.body);
}

describe('airudder format: TaskStatus (JobGroupComplete)', () => {
  it('has exactly the keys and JSON types of seed 002’s example', () => {
    expect(shape(rendered(groupEvent()))).toEqual(shape(SEED_TASK_STATUS_CALLBACK));
  });

  it('reports the job group as the PDS task, with its name, times and counts', () => {
    const m = rendered(groupEvent());
    expect(m).toMatchObject({
      workflow_id: 'grp-1',
      workflow_name: 'January reminders',
      nodetask_id: 'grp-1',
      nodetask_name: 'January reminders',
      pds: {
        type: 'TaskStatus',
        body: {
          taskId: 'grp-1',
          taskName: 'January reminders',
          state: 'Finished',
          startTime: '2026-01-05T09:28:00Z',
          actualStartTime: '2026-01-05T09:29:00Z',
          endTime: '2026-01-05T10:30:00Z',
          totalNumber: 3,
          dialedNumber: 5,
          answeredNumber: 2,
          talkedNumber: 2,
        },
      },
    });
  });

  it('says Cancelled for a cancelled group and leaves times it does not know empty', () => {
    const e = groupEvent(
      { status: 'Cancelled', startedAt: null, finishedAt: null, strategy: { ...groupEvent().group.strategy } },
      { startedAt: null, finishedAt: null },
    );
    delete e.group.strategy.startTime;
    const body = rendered(e).pds.body;
    expect(body.state).toBe('Cancelled');
    expect([body.startTime, body.actualStartTime, body.endTime]).toEqual(['', '', '']);
  });

  it('maps every job group status to a documented PDS task state', () => {
    for (const s of JOB_GROUP_STATUSES) expect(REFERENCE_TASK_STATES).toContain(TASK_STATE_OF_GROUP_STATUS[s]);
    expect(TASK_STATE_OF_GROUP_STATUS.Completed).toBe('Finished');
  });
});

describe('airudder format: ContactStatus (job events)', () => {
  it('sends exactly the documented contact fields plus state, inside the seed’s envelope', () => {
    for (const type of ['Dialing', 'CallAnswered', 'CallFinished', 'JobComplete'] as const) {
      const m = rendered(jobEvent(type, { tasks: [task()] }));
      expect(Object.keys(m).sort()).toEqual(Object.keys(SEED_TASK_STATUS_CALLBACK).sort());
      expect(Object.keys(m.pds).sort()).toEqual(['body', 'type']);
      expect(m.pds.type).toBe('ContactStatus');
      expect(Object.keys(m.pds.body).sort()).toEqual([...REFERENCE_CONTACT_FIELDS, 'state'].sort());
      expect(CONTACT_STATES).toContain(m.pds.body.state);
    }
  });

  it('gives each call event its contact state', () => {
    const stateOf = (type: JobEventType) => rendered(jobEvent(type, { tasks: [task()] })).pds.body.state;
    expect(['Dialing', 'CallAnswered', 'CallFinished', 'JobComplete'].map((t) => stateOf(t as JobEventType))).toEqual([
      'CALLING',
      'ANSWERED',
      'HANGUP',
      'TALKRESULT',
    ]);
  });

  it('fills the call fields from the task and the job', () => {
    const m = rendered(jobEvent('CallFinished'));
    expect(m.workflow_id).toBe('grp-1');
    expect(m.workflow_name).toBe('');
    expect(m.pds.body).toEqual({
      state: 'HANGUP',
      callType: 'Outbound',
      callResultType: 'Succeeded',
      talkResult: '',
      taskId: 'grp-1',
      taskName: '',
      callid: 'task-2',
      phoneNumber: '+8613800000000',
      mainNumber: '+862150000000',
      agentName: '',
      phoneTag: '',
      talkremarks: '',
      calltime: '2026-01-05T09:30:00Z',
      ringtime: '2026-01-05T09:30:02Z',
      answertime: '2026-01-05T09:30:08Z',
      talktime: '2026-01-05T09:30:08Z',
      endtime: '2026-01-05T09:31:08Z',
      customizeResults: [],
      customerInfo: { amount: '120.50', dueDate: '2026-01-10', referenceId: 'ref-42' },
      hangupReason: 12,
      reclink: '',
      nthCall: 2,
    });
  });

  it('writes every time as ISO 8601 in UTC that parses back to the second', () => {
    const body = rendered(jobEvent('CallFinished')).pds.body;
    const t = task();
    const expected = [t.actualTime, t.answeredAt! - t.ringDuration, t.answeredAt, t.answeredAt, t.endTime];
    const times = [body.calltime, body.ringtime, body.answertime, body.talktime, body.endtime];
    for (const s of times) expect(s).toMatch(ISO_UTC_SECONDS);
    expect(times.map((s: string) => Date.parse(s))).toEqual(expected.map((ms) => Math.floor(ms! / 1000) * 1000));
  });

  it('leaves the times of an unanswered call empty where nothing happened', () => {
    const t = task({ status: TaskStatus.NoAnswer, answeredAt: null, talkDuration: 0 });
    const body = rendered(jobEvent('CallFinished', { task: t })).pds.body;
    expect(body.answertime).toBe('');
    expect(body.talktime).toBe('');
    expect(body.ringtime).toBe('2026-01-05T09:31:02Z');
    expect(body.callResultType).toBe('NoAnswer');
    expect(body.hangupReason).toBe(0);
  });

  it('reports the job’s final result with its last call on JobComplete', () => {
    const first = task({ id: 'task-1', attempt: 1, status: TaskStatus.Busy });
    const last = task({ id: 'task-2', attempt: 2, status: TaskStatus.NoAnswer, answeredAt: null });
    const job = { ...jobEvent('JobComplete').job, status: JobStatus.Failed, failureReason: FailureReason.NoAnswer };
    const body = rendered(jobEvent('JobComplete', { task: null, taskId: null, tasks: [first, last], job })).pds.body;
    expect(body).toMatchObject({ state: 'TALKRESULT', callid: 'task-2', nthCall: 2, callResultType: 'NoAnswer' });

    const done = { ...job, status: JobStatus.Succeeded, failureReason: null };
    const ok = rendered(jobEvent('JobComplete', { task: null, tasks: [task()], job: done })).pds.body;
    expect(ok).toMatchObject({ callResultType: 'Succeeded', hangupReason: 12 });
  });

  it('still renders a job that ended before any call, from its first contact', () => {
    const job = { ...jobEvent('JobComplete').job, status: JobStatus.Cancelled, attempts: 0 };
    const body = rendered(jobEvent('JobComplete', { task: null, taskId: null, tasks: [], job })).pds.body;
    expect(body).toMatchObject({
      callid: '',
      phoneNumber: '+8613800000000',
      mainNumber: '',
      calltime: '',
      endtime: '',
      hangupReason: 0,
      nthCall: 0,
      callResultType: 'Cancelled',
    });
  });

  it('keeps the job’s referenceId in customerInfo even when an extra has that name', () => {
    const job = { ...jobEvent('Dialing').job, extras: [{ key: 'referenceId', value: 'spoofed' }] };
    expect(rendered(jobEvent('Dialing', { job })).pds.body.customerInfo).toEqual({ referenceId: 'ref-42' });
  });

  it('sends nothing for RecordingReady', () => {
    expect(airudderFormat(jobEvent('RecordingReady'))).toBeNull();
  });
});

describe('airudder format: the robot in the agent’s seat', () => {
  const graded = () => task({ robot: robotCall(T0 + 8_000) });

  it('a call the robot graded: its label, the rule that fired, and level and tags as dispositions', () => {
    const body = rendered(jobEvent('CallFinished', { task: graded() })).pds.body;
    expect(body).toMatchObject({
      state: 'HANGUP',
      talkResult: 'A(有明确意向)',
      talkremarks:
        '(肯定次数 >= 2 次 并且 拒绝次数 = 0 次) 或者 (肯定次数 >= 1 次 并且 命中业务问题 >= 1 次 并且 拒绝次数 = 0 次)',
      customizeResults: [
        { title: 'Level', value: 'A' },
        { title: 'Tags', value: 'askedAboutInterest,promisedToPay' },
      ],
      agentName: '',
      reclink: '',
    });
    expect(Object.keys(body)).toEqual(Object.keys(rendered(jobEvent('CallFinished')).pds.body));
  });

  it('JobComplete tells the grade of the job’s last call', () => {
    const first = task({ id: 'task-1', attempt: 1, status: TaskStatus.Busy, robot: unansweredRobotCall() });
    const job = { ...jobEvent('JobComplete').job, status: JobStatus.Succeeded };
    const body = rendered(jobEvent('JobComplete', { task: null, tasks: [first, graded()], job })).pds.body;
    expect(body).toMatchObject({ state: 'TALKRESULT', callid: 'task-2', talkResult: 'A(有明确意向)' });
    expect(body.customizeResults[0]).toEqual({ title: 'Level', value: 'A' });
  });

  it('an unanswered call of a script group has its call-status grade and no tags', () => {
    const t = task({ status: TaskStatus.Busy, answeredAt: null, talkDuration: 0, robot: unansweredRobotCall() });
    const body = rendered(jobEvent('CallFinished', { task: t })).pds.body;
    expect(body).toMatchObject({
      talkResult: 'D(用户忙)',
      talkremarks: '通话状态 = 占线、未接、拒接、关机 或者 用户忙',
      customizeResults: [
        { title: 'Level', value: 'D' },
        { title: 'Tags', value: '' },
      ],
    });
  });

  it('without a robot result (no script, or before the call ends) the agent fields stay empty', () => {
    for (const robot of [null, undefined]) {
      const body = rendered(jobEvent('CallFinished', { task: task({ robot }) })).pds.body;
      expect([body.talkResult, body.talkremarks, body.customizeResults]).toEqual(['', '', []]);
    }
  });
});

describe('airudder format: hangupReason', () => {
  it('maps every TaskStatus code to a documented hangupReason code', () => {
    for (const code of Object.values(TaskStatus)) {
      expect(REFERENCE_HANGUP_CODES).toContain(HANGUP_REASON_OF_TASK_STATUS[code]);
    }
    expect(Object.keys(HANGUP_REASONS).map(Number)).toEqual(REFERENCE_HANGUP_CODES);
  });

  it('says what the callee’s line said, in the PDS list', () => {
    const reasonOf = (status: TaskStatus) =>
      rendered(jobEvent('CallFinished', { task: task({ status, answeredAt: null }) })).pds.body.hangupReason;
    expect(reasonOf(TaskStatus.Succeeded)).toBe(12);
    expect(reasonOf(TaskStatus.Busy)).toBe(3);
    expect(reasonOf(TaskStatus.PoweredOff)).toBe(6);
    expect(reasonOf(TaskStatus.NotConnected)).toBe(7);
    expect(reasonOf(TaskStatus.EmptyNumber)).toBe(8);
    expect(reasonOf(TaskStatus.NotExist)).toBe(8);
    expect(reasonOf(TaskStatus.OutOfService)).toBe(4);
    expect(reasonOf(TaskStatus.PerDayCallCountLimit)).toBe(18);
    expect(reasonOf(TaskStatus.ContactBlockList)).toBe(20);
    expect(reasonOf(TaskStatus.Terminated)).toBe(2);
  });
});

describe('airudder format: envelope', () => {
  it('is JSON keyed by the PDS type, a valid routing key', () => {
    const outs = [...JOB_EVENT_TYPES.map((t) => airudderFormat(jobEvent(t))), airudderFormat(groupEvent())];
    expect(outs.map((o) => o?.key ?? null)).toEqual([
      'ContactStatus',
      'ContactStatus',
      'ContactStatus',
      'ContactStatus',
      null,
      'TaskStatus',
    ]);
    for (const o of outs) if (o) expect(o.contentType).toBe('application/json');
  });

  it('never throws on sparse or odd events', () => {
    const time = fc.oneof(fc.constant(null), fc.integer({ min: -1e13, max: 1e16 }), fc.constant(Number.NaN));
    const anyTask = fc.record({
      id: fc.string(),
      attempt: fc.integer(),
      status: fc.integer({ min: -1, max: 40 }) as fc.Arbitrary<TaskStatus>,
      plannedTime: fc.integer(),
      actualTime: time,
      answeredAt: time,
      endTime: time,
      callingNumber: fc.string(),
      calledNumber: fc.string(),
      hangupCause: fc.option(fc.string()),
      sipCode: fc.option(fc.integer()),
      ringDuration: fc.oneof(fc.integer(), fc.constant(Number.NaN)),
      talkDuration: fc.integer(),
    });
    const anyJobEvent = fc
      .record({
        type: fc.constantFrom(...JOB_EVENT_TYPES),
        task: fc.option(anyTask),
        tasks: fc.array(anyTask, { maxLength: 3 }),
        extras: fc.array(fc.record({ key: fc.string(), value: fc.string() }), { maxLength: 3 }),
        noContacts: fc.boolean(),
        failureReason: fc.option(fc.integer({ min: -1, max: 20 }) as fc.Arbitrary<FailureReason>),
      })
      .map(({ type, task, tasks, extras, noContacts, failureReason }) => {
        const base = jobEvent(type);
        const contacts = noContacts ? [] : base.job.contacts;
        return jobEvent(type, { task, tasks, job: { ...base.job, extras, contacts, failureReason } });
      });
    const anyGroupEvent = fc
      .record({ status: fc.constantFrom(...JOB_GROUP_STATUSES), startedAt: time, finishedAt: time, name: fc.string() })
      .map((g) => groupEvent(g, { startedAt: null, finishedAt: null, totalJobs: 0, attempts: 0, answered: 0 }));
    fc.assert(
      fc.property(fc.oneof(anyJobEvent, anyGroupEvent), (e) => {
        const out = airudderFormat(e);
        if (out === null) return e.type === 'RecordingReady';
        const m = JSON.parse(out.body);
        return out.key === m.pds.type && /^[A-Za-z0-9_-]+$/.test(out.key);
      }),
    );
  });
});
