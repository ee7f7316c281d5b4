import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FailureReason, JobStatus, TaskStatus } from '../../../src/core/enums.js';
import {
  EVENT_TYPES,
  type EventType,
  type JobEvent,
  type JobEventType,
  type JobGroupEvent,
  type OutdialEvent,
  type TaskSnapshot,
} from '../../../src/core/events.js';
import { CLOUD_EVENT_TYPES, cloudEventsFormat } from '../../../src/events/formats/cloudevents.js';
import { robotCall, unansweredRobotCall } from './robotCall.js';

interface CloudEvent {
  specversion: string;
  id: string;
  source: string;
  type: string;
  subject?: string;
  time?: string;
  datacontenttype: string;
  data: Record<string, unknown>;
}

const AT = Date.UTC(2026, 0, 5, 9, 30, 15, 123);

const TASK: TaskSnapshot = {
  id: 'task-2',
  attempt: 2,
  status: TaskStatus.NoAnswer,
  plannedTime: AT - 60_000,
  actualTime: AT - 40_000,
  answeredAt: null,
  endTime: AT,
  callingNumber: '02100000000',
  calledNumber: '+8613800000000',
  hangupCause: 'NO_ANSWER',
  sipCode: 480,
  ringDuration: 40_000,
  talkDuration: 0,
};

function jobEvent(type: JobEventType, over: Partial<JobEvent> = {}): JobEvent {
  return {
    id: `evt-${type}`,
    type,
    occurredAt: AT,
    instanceId: 'inst-1',
    jobGroupId: 'group-1',
    jobId: 'job-1',
    taskId: type === 'JobComplete' ? null : TASK.id,
    job: {
      id: 'job-1',
      instanceId: 'inst-1',
      jobGroupId: 'group-1',
      referenceId: 'crm-42',
      status: type === 'JobComplete' ? JobStatus.Failed : JobStatus.Executing,
      failureReason: type === 'JobComplete' ? FailureReason.NoAnswer : null,
      contacts: [
        { phoneNumber: '13800000000', e164: '+8613800000000', name: 'Li', honorific: 'Mr', referenceId: 'c-1' },
      ],
      extras: [{ key: 'plan', value: 'gold' }],
      attempts: 2,
    },
    task: type === 'JobComplete' ? null : TASK,
    tasks: type === 'JobComplete' ? [{ ...TASK, id: 'task-1', attempt: 1 }, TASK] : [],
    ...over,
  };
}

function groupEvent(): JobGroupEvent {
  return {
    id: 'evt-group',
    type: 'JobGroupComplete',
    occurredAt: AT,
    instanceId: 'inst-1',
    jobGroupId: 'group-1',
    jobId: null,
    taskId: null,
    group: {
      id: 'group-1',
      instanceId: 'inst-1',
      name: 'Renewals',
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
        maxAttemptsPerDay: 2,
        minAttemptInterval: 10,
      },
      recallStrategy: { emptyNumberIgnore: true, inArrearsIgnore: false, outOfServiceIgnore: false },
      lineGroupIds: ['lg-1'],
      ringingDuration: 40,
      concurrency: 0,
      timeZone: 'Asia/Shanghai',
      createdAt: AT - 86_400_000,
      modifiedAt: AT - 86_400_000,
      startedAt: AT - 3_600_000,
      finishedAt: AT,
    },
    progress: {
      jobGroupId: 'group-1',
      status: 'Completed',
      totalJobs: 1,
      jobsByStatus: { Scheduling: 0, Executing: 0, Succeeded: 0, Paused: 0, Failed: 1, Cancelled: 0 },
      failureReasons: { NoAnswer: 1 },
      tasksByStatus: { NoAnswer: 2 },
      attempts: 2,
      answered: 0,
      answerRate: 0,
      talkSeconds: 0,
      firstCallAt: AT - 100_000,
      lastCallEndAt: AT,
      startedAt: AT - 3_600_000,
      finishedAt: AT,
    },
  };
}

const eventOf = (type: EventType): OutdialEvent => (type === 'JobGroupComplete' ? groupEvent() : jobEvent(type));

function render(event: OutdialEvent) {
  const out = cloudEventsFormat(event);
  if (!out) throw new Error(`no message for ${event.type}`);
  return { ...out, cloudEvent: JSON.parse(out.body) as CloudEvent };
}

const ROUTING_KEY = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The CloudEvents 1.0 rules a receiver's SDK checks on a structured JSON event. */
function expectValidCloudEvent(ce: CloudEvent) {
  expect(ce.specversion).toBe('1.0');
  for (const attr of ['id', 'source', 'type'] as const) {
    expect(typeof ce[attr]).toBe('string');
    expect(ce[attr]).not.toBe('');
  }
  if ('subject' in ce) expect(ce.subject).not.toBe('');
  if ('time' in ce) expect(ce.time).toMatch(RFC3339_UTC);
  for (const name of Object.keys(ce)) expect(name).toMatch(/^[a-z0-9]+$/);
  expect(ce.datacontenttype).toBe('application/json');
}

type WireTask = Omit<TaskSnapshot, 'status'> & { status: keyof typeof TaskStatus };
type WireJobData = Omit<JobEvent, 'job' | 'task' | 'tasks'> & {
  job: Omit<JobEvent['job'], 'status' | 'failureReason'> & {
    status: keyof typeof JobStatus;
    failureReason: keyof typeof FailureReason | null;
  };
  task: WireTask | null;
  tasks: WireTask[];
};

/** The data with enum names turned back into codes: what a receiver decoding the documented schema gets. */
function decodeJobData(data: Record<string, unknown>): JobEvent {
  const d = data as unknown as WireJobData;
  const decodeTask = (t: WireTask): TaskSnapshot => ({ ...t, status: TaskStatus[t.status] });
  return {
    ...d,
    job: {
      ...d.job,
      status: JobStatus[d.job.status],
      failureReason: d.job.failureReason === null ? null : FailureReason[d.job.failureReason],
    },
    task: d.task === null ? null : decodeTask(d.task),
    tasks: d.tasks.map(decodeTask),
  };
}

describe('cloudevents format: attributes', () => {
  it('gives every event type its own com.outdial type, and the key is that type without the prefix', () => {
    expect(Object.keys(CLOUD_EVENT_TYPES).sort()).toEqual([...EVENT_TYPES].sort());
    expect(new Set(Object.values(CLOUD_EVENT_TYPES)).size).toBe(EVENT_TYPES.length);
    for (const type of EVENT_TYPES) {
      const out = render(eventOf(type));
      expect(out.cloudEvent.type).toBe(CLOUD_EVENT_TYPES[type]);
      expect(out.cloudEvent.type.startsWith('com.outdial.')).toBe(true);
      expect(`com.outdial.${out.key}`).toBe(out.cloudEvent.type);
      expect(out.key).toMatch(ROUTING_KEY);
      expect(out.contentType).toBe('application/cloudevents+json');
    }
  });

  it.each([...EVENT_TYPES])('%s is a valid CloudEvent with id, source, subject and time from the event', (type) => {
    const event = eventOf(type);
    const { cloudEvent } = render(event);
    expectValidCloudEvent(cloudEvent);
    expect(cloudEvent.id).toBe(event.id);
    expect(cloudEvent.source).toBe('/instances/inst-1/job-groups/group-1');
    expect(cloudEvent.subject).toBe(type === 'JobGroupComplete' ? 'group-1' : 'job-1');
    expect(cloudEvent.time).toBe('2026-01-05T09:30:15.123Z');
    expect(Date.parse(cloudEvent.time ?? '')).toBe(event.occurredAt);
  });

  it('the documented call.dialing envelope', () => {
    const { cloudEvent, key } = render(jobEvent('Dialing'));
    expect(key).toBe('call.dialing');
    expect(Object.keys(cloudEvent)).toEqual([
      'specversion',
      'id',
      'source',
      'type',
      'subject',
      'time',
      'datacontenttype',
      'data',
    ]);
  });

  it('percent-encodes ids in the source so it stays one URI path', () => {
    const { cloudEvent } = render(jobEvent('Dialing', { instanceId: 'a/b c', jobGroupId: 'g?1' }));
    expect(cloudEvent.source).toBe('/instances/a%2Fb%20c/job-groups/g%3F1');
  });

  it('leaves out subject and time rather than send invalid ones', () => {
    const { cloudEvent } = render(jobEvent('Dialing', { jobId: '', occurredAt: Number.NaN }));
    expectValidCloudEvent(cloudEvent);
    expect(cloudEvent).not.toHaveProperty('subject');
    expect(cloudEvent).not.toHaveProperty('time');
    const farFuture = render(jobEvent('Dialing', { occurredAt: Date.UTC(10000, 0, 1) })).cloudEvent;
    expect(farFuture).not.toHaveProperty('time');
  });
});

describe('cloudevents format: data', () => {
  it('gives JobStatus, FailureReason and TaskStatus by name and times as ms numbers', () => {
    const { data } = render(jobEvent('JobComplete')).cloudEvent;
    expect(data).toMatchObject({
      type: 'JobComplete',
      occurredAt: AT,
      jobId: 'job-1',
      job: { status: 'Failed', failureReason: 'NoAnswer', referenceId: 'crm-42', attempts: 2 },
      task: null,
      tasks: [
        { id: 'task-1', status: 'NoAnswer', plannedTime: AT - 60_000, endTime: AT },
        { id: 'task-2', status: 'NoAnswer', actualTime: AT - 40_000, ringDuration: 40_000 },
      ],
    });
    const call = render(jobEvent('CallAnswered', { task: { ...TASK, status: TaskStatus.Succeeded } })).cloudEvent.data;
    expect(call).toMatchObject({ job: { status: 'Executing', failureReason: null }, task: { status: 'Succeeded' } });
  });

  it.each([...EVENT_TYPES])('%s: data carries the whole event and decodes back to it', (type) => {
    const event = eventOf(type);
    const { body, cloudEvent } = render(event);
    expect(JSON.stringify(JSON.parse(body))).toBe(body);
    const decoded = type === 'JobGroupComplete' ? cloudEvent.data : decodeJobData(cloudEvent.data);
    expect(decoded).toEqual(event);
  });

  it('every enum code has a name in data', () => {
    for (const status of Object.values(TaskStatus)) {
      for (const jobStatus of Object.values(JobStatus)) {
        const event = jobEvent('CallFinished', { task: { ...TASK, status } });
        event.job = { ...event.job, status: jobStatus };
        const { data } = render(event).cloudEvent;
        expect(data).toMatchObject({ job: { status: expect.any(String) }, task: { status: expect.any(String) } });
        expect(decodeJobData(data)).toEqual(event);
      }
    }
    for (const reason of Object.values(FailureReason)) {
      const event = jobEvent('JobComplete');
      event.job = { ...event.job, failureReason: reason };
      expect(decodeJobData(render(event).cloudEvent.data)).toEqual(event);
    }
  });
});

describe('cloudevents format: the robot’s result', () => {
  it('rides in the task data as it is, the dialogue included', () => {
    const answered = { ...TASK, status: TaskStatus.Succeeded, answeredAt: AT - 30_000, robot: robotCall(AT - 30_000) };
    const { data } = render(jobEvent('CallFinished', { task: answered })).cloudEvent;
    expect((data.task as { robot: unknown }).robot).toEqual(robotCall(AT - 30_000));
    expect(decodeJobData(data)).toEqual(jobEvent('CallFinished', { task: answered }));
  });

  it('each task of a JobComplete carries its own; a group without a script sends null', () => {
    const tasks = [
      { ...TASK, id: 'task-1', attempt: 1, robot: unansweredRobotCall() },
      { ...TASK, status: TaskStatus.Succeeded, robot: robotCall(AT - 30_000) },
    ];
    const { data } = render(jobEvent('JobComplete', { tasks })).cloudEvent;
    const robots = (data.tasks as { robot: { level: string } }[]).map((t) => t.robot.level);
    expect(robots).toEqual(['D', 'A']);
    const none = render(jobEvent('CallFinished', { task: { ...TASK, robot: null } })).cloudEvent.data;
    expect(none.task).toMatchObject({ robot: null });
  });
});

describe('cloudevents format: any job event', () => {
  it('renders a valid CloudEvent that decodes back to the event', () => {
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
      id: fc.string({ minLength: 1, maxLength: 12 }),
      type: fc.constantFrom('Dialing', 'CallAnswered', 'CallFinished', 'JobComplete', 'RecordingReady' as const),
      occurredAt: fc.oneof(
        fc.integer({ min: -1e15, max: 1e15 }),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      ),
      instanceId: text,
      jobGroupId: text,
      jobId: text,
      status: fc.constantFrom(...Object.values(JobStatus)),
      failureReason: fc.option(fc.constantFrom(...Object.values(FailureReason))),
      contacts: fc.array(fc.record({ phoneNumber: text, e164: text, name: text, honorific: text, referenceId: text }), {
        maxLength: 2,
      }),
      task: fc.option(taskArb),
      tasks: fc.array(taskArb, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(eventArb, (a) => {
        const event = jobEvent(a.type, {
          id: a.id,
          occurredAt: a.occurredAt,
          instanceId: a.instanceId,
          jobGroupId: a.jobGroupId,
          jobId: a.jobId,
          task: a.task,
          tasks: a.tasks,
        });
        event.job = { ...event.job, status: a.status, failureReason: a.failureReason, contacts: a.contacts };
        const { cloudEvent, key } = render(event);
        expectValidCloudEvent(cloudEvent);
        expect(key).toMatch(ROUTING_KEY);
        if (cloudEvent.time !== undefined) expect(Date.parse(cloudEvent.time)).toBe(a.occurredAt);
        // JSON has no NaN or Infinity: those come back as null, everything else as it went in.
        if (Number.isFinite(a.occurredAt)) expect(decodeJobData(cloudEvent.data)).toEqual(event);
      }),
    );
  });
});
