import { JobStatus, TaskStatus } from '../../core/enums.js';
import type { JobEvent } from '../../core/events.js';
import type { FormatName } from '../format.js';
import { FORMATS } from '../formats/index.js';
import { openSink } from '../openSink.js';
import type { SubscriptionDeps } from './deps.js';
import { getSubscriptionRowOf } from './getSubscriptionOf.js';

export interface TestOutcome {
  ok: boolean;
  eventId: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** A CallFinished about no real job (every format has a message for it): what a test send carries. */
export function syntheticEvent(id: string, instanceId: string, at: number): JobEvent {
  return {
    id,
    type: 'CallFinished',
    occurredAt: at,
    instanceId,
    jobGroupId: 'test',
    jobId: 'test',
    taskId: null,
    job: {
      id: 'test',
      instanceId,
      jobGroupId: 'test',
      referenceId: 'test',
      status: JobStatus.Succeeded,
      failureReason: null,
      contacts: [
        { phoneNumber: '10000000000', e164: '+8610000000000', name: 'Test', honorific: '', referenceId: 'test' },
      ],
      extras: [],
      attempts: 1,
    },
    task: {
      id: 'test',
      attempt: 1,
      status: TaskStatus.Succeeded,
      plannedTime: at - 30_000,
      actualTime: at - 30_000,
      answeredAt: at - 25_000,
      endTime: at,
      callingNumber: '02100000000',
      calledNumber: '+8610000000000',
      hangupCause: 'NORMAL_CLEARING',
      sipCode: 200,
      ringDuration: 5,
      talkDuration: 25,
    },
    tasks: [],
  };
}

/** Sends a synthetic event through the subscription's sink and format now (paused or not); records no delivery. */
export async function testSubscription(deps: SubscriptionDeps, instanceId: string, id: string): Promise<TestOutcome> {
  const sub = await getSubscriptionRowOf(deps, instanceId, id);
  const started = deps.clock.now();
  const event = syntheticEvent(`test-${deps.newId()}`, instanceId, started);
  const outcome = (status: number | null, error: string | null): TestOutcome => ({
    ok: error === null,
    eventId: event.id,
    status,
    error,
    durationMs: deps.clock.now() - started,
  });
  const format = (deps.formats ?? FORMATS)[sub.format as FormatName];
  if (!format) return outcome(null, `format ${sub.format} is not available`);
  const formatted = format(event);
  if (!formatted) return outcome(null, `format ${sub.format} has no message for ${event.type}`);
  const sink = openSink(sub, JSON.parse(deps.box.open(sub.config_sealed)), deps.clock);
  try {
    const r = await sink.send({
      ...formatted,
      eventId: event.id,
      eventType: event.type,
      jobGroupId: event.jobGroupId,
      jobId: event.jobId,
      occurredAt: event.occurredAt,
    });
    return outcome(r.status ?? null, r.ok ? null : r.error);
  } finally {
    await sink.close().catch(() => undefined);
  }
}
