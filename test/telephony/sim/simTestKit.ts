import type { VirtualClock } from '../../../src/core/virtualClock.js';
import type { DialRequest } from '../../../src/telephony/port.js';

/** Monday 5 January 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 0, 5, 9);

let taskSeq = 0;

export function dialRequest(calledNumber: string, over: Partial<DialRequest> = {}): DialRequest {
  return {
    taskId: `task-${++taskSeq}`,
    lineGroupId: 'lg-1',
    lineId: 'line-1',
    callingNumber: '+861050000000',
    calledNumber,
    ringTimeoutMs: 30_000,
    variables: {},
    ...over,
  };
}

/** `count` distinct E.164 numbers, `+8613800000000` upwards. */
export const numbers = (count: number, base = 8613800000000): string[] =>
  Array.from({ length: count }, (_, i) => `+${base + i}`);

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Drives the virtual clock timer by timer until `work` settles, letting released calls run between
 * timers. Fails when nothing is pending and the work still waits (a call that would hang for ever).
 */
export async function runToEnd<T>(clock: VirtualClock, work: Promise<T>): Promise<T> {
  let done = false;
  const watched = work.finally(() => {
    done = true;
  });
  await settle();
  while (!done) {
    if (!clock.fireNext()) throw new Error('no timers pending, yet the work has not settled');
    await settle();
  }
  return watched;
}
