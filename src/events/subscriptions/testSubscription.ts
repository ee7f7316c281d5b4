import { JobStatus } from '../../core/enums.js';
import type { OutdialEvent } from '../../core/events.js';
import type { FormatName } from '../format.js';
import { loadFormats } from '../loadFormats.js';
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

/** A JobComplete about no real job: what a test send carries. */
export function syntheticEvent(id: string, instanceId: string, at: number): OutdialEvent {
  return {
    id,
    type: 'JobComplete',
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
      attempts: 0,
    },
    task: null,
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
  const format = (deps.formats ?? (await loadFormats()))[sub.format as FormatName];
  if (!format) return outcome(null, `format ${sub.format} is not available`);
  const formatted = format(event);
  if (!formatted) return outcome(null, `format ${sub.format} has no message for ${event.type}`);
  const sink = openSink(sub, JSON.parse(deps.box.open(sub.config_sealed)), deps.clock);
  try {
    const r = await sink.send({
      ...formatted,
      eventId: event.id,
      eventType: event.type,
      jobId: event.jobId,
      occurredAt: event.occurredAt,
    });
    return outcome(r.status ?? null, r.ok ? null : r.error);
  } finally {
    await sink.close().catch(() => undefined);
  }
}
