import type { Clock } from '../core/clock.js';

export interface PassLoop {
  /** Starts running passes (once; a stopped loop stays stopped). */
  start(): void;
  /** No pass starts after this; resolves once the pass in progress has ended. */
  stop(): Promise<void>;
  /** Runs a pass soon: at once after the one in progress, or now if the loop sleeps. */
  wake(): void;
  readonly stopping: boolean;
  /** Counts work running beside the loop (a call, a send, a recording) for `whenIdle`. */
  busy(delta: 1 | -1): void;
  /** Resolves when no pass runs and no counted work is in progress: nothing happens until time moves. */
  whenIdle(): Promise<void>;
}

export interface PassLoopOptions {
  clock: Clock;
  /** One pass; returns when (Clock ms) the next one is due unless woken earlier. */
  pass: () => Promise<number>;
  /** A pass that threw; the next runs `retryMs` later. */
  onError: (error: unknown) => void;
  retryMs: number;
}

/**
 * The loop the engine and the dispatcher share: run a pass, sleep on the Clock until the time it returned or
 * until woken, again. A wake during a pass runs the next pass at once, so no wake is lost.
 */
export function createPassLoop(o: PassLoopOptions): PassLoop {
  let busy = 0;
  let idleWaiters: (() => void)[] = [];
  const busyBy = (delta: 1 | -1) => {
    busy += delta;
    if (busy === 0) {
      const waiting = idleWaiters;
      idleWaiters = [];
      for (const f of waiting) f();
    }
  };

  let running = false;
  let stopping = false;
  let woken = false;
  let sleeper: AbortController | undefined;
  let done: Promise<void> = Promise.resolve();

  async function loop() {
    while (!stopping) {
      woken = false;
      busyBy(1);
      let wakeAt: number;
      try {
        wakeAt = await o.pass();
      } catch (error) {
        o.onError(error);
        wakeAt = o.clock.now() + o.retryMs;
      } finally {
        busyBy(-1);
      }
      if (stopping) break;
      if (woken) continue;
      sleeper = new AbortController();
      try {
        await o.clock.sleep(Math.max(0, wakeAt - o.clock.now()), sleeper.signal);
      } catch {
        // woken early
      }
      sleeper = undefined;
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      done = loop();
    },
    async stop() {
      stopping = true;
      sleeper?.abort();
      await done;
    },
    wake() {
      woken = true;
      sleeper?.abort();
    },
    get stopping() {
      return stopping;
    },
    busy: busyBy,
    async whenIdle() {
      for (;;) {
        await new Promise<void>((r) => setImmediate(r));
        if (busy === 0) return;
        await new Promise<void>((r) => idleWaiters.push(r));
      }
    },
  };
}
