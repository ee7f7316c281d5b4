import { randomUUID } from 'node:crypto';
import type { OutgoingMessage } from '../../../src/events/sink.js';

/** `n` distinct job-complete messages in the order a dispatcher would send them. */
export function testMessages(n: number, jobId = 'job-1'): OutgoingMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    eventId: randomUUID(),
    eventType: 'job.complete',
    jobGroupId: 'group-1',
    jobId,
    occurredAt: Date.UTC(2026, 0, 5, 9, 0, i),
    body: JSON.stringify({ seq: i, jobId }),
    contentType: 'application/json',
    key: 'job.complete',
  }));
}

/** A name no other test run uses, for exchanges, queues, streams and subjects. */
export const uniqueName = (prefix: string): string => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
