import type { Clock } from './clock.js';

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * A clock that moves only when told. `sleep` registers a timer; `fireNext` jumps to the earliest
 * timer and releases every sleeper due at that instant. Whoever drives it (a test, the simulator)
 * waits for the released work to settle before firing the next one, so a month of calling runs in
 * the time the work itself takes.
 */
export interface VirtualClock extends Clock {
  set(now: number): void;
  /** The instant of the earliest pending timer, if any. */
  nextTimerAt(): number | undefined;
  /** Jumps to the earliest timer and releases all sleepers due then; false when none is pending. */
  fireNext(): boolean;
  /** Moves time forward to `now + ms`, releasing timers in order and letting each settle. */
  advanceBy(ms: number): Promise<void>;
  advanceTo(t: number): Promise<void>;
  pendingTimers(): number;
}

export function createVirtualClock(start: number): VirtualClock {
  let current = start;
  let seq = 0;
  const heap: Timer[] = [];

  const less = (a: Timer, b: Timer) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
  const push = (t: Timer) => {
    heap.push(t);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i] as Timer, heap[p] as Timer)) break;
      [heap[i], heap[p]] = [heap[p] as Timer, heap[i] as Timer];
      i = p;
    }
  };
  const pop = (): Timer | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l] as Timer, heap[m] as Timer)) m = l;
        if (r < heap.length && less(heap[r] as Timer, heap[m] as Timer)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as Timer, heap[i] as Timer];
        i = m;
      }
    }
    return top;
  };
  // Aborted timers stay in the heap and are skipped when popped: cheaper than removal.
  const cancelled = new WeakSet<Timer>();
  const settle = () => new Promise<void>((r) => setImmediate(r));

  const clock: VirtualClock = {
    now: () => current,
    set(now) {
      current = now;
    },
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (ms <= 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          cancelled.add(timer);
          reject(signal?.reason);
        };
        const timer: Timer = {
          at: current + ms,
          seq: seq++,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        push(timer);
      });
    },
    nextTimerAt() {
      while (heap[0] && cancelled.has(heap[0])) pop();
      return heap[0]?.at;
    },
    fireNext() {
      const at = clock.nextTimerAt();
      if (at === undefined) return false;
      if (at > current) current = at;
      while (heap[0] && heap[0].at <= current) {
        const t = pop() as Timer;
        if (!cancelled.has(t)) t.resolve();
      }
      return true;
    },
    async advanceTo(t) {
      for (;;) {
        const next = clock.nextTimerAt();
        if (next === undefined || next > t) break;
        clock.fireNext();
        await settle();
      }
      if (t > current) current = t;
      await settle();
    },
    advanceBy: (ms) => clock.advanceTo(current + ms),
    pendingTimers() {
      let n = 0;
      for (const t of heap) if (!cancelled.has(t)) n++;
      return n;
    },
  };
  return clock;
}
