import type { VirtualClock } from '../../src/core/virtualClock.js';
import type { Engine } from '../../src/engine/createEngine.js';

/**
 * Drives several engines on one virtual clock, as several processes on one store would run: at every instant
 * the clock stops at, each engine takes a scheduling pass, all at once, so their claim transactions overlap;
 * time moves on only when every engine is idle. Stops the engines at the end.
 */
export async function runVirtualEngines(o: {
  engines: readonly Engine[];
  clock: VirtualClock;
  /** Never run the clock past this instant. */
  until: number;
}): Promise<{ instants: number }> {
  const idle = () => Promise.all(o.engines.map((e) => e.whenIdle()));
  for (const e of o.engines) e.start();
  let instants = 0;
  try {
    for (;;) {
      await idle();
      const next = o.clock.nextTimerAt();
      if (next === undefined || next > o.until) break;
      o.clock.fireNext();
      instants++;
      // Whichever engine the timer was for, the others look at the store at the same instant too.
      for (const e of o.engines) e.wake();
    }
  } finally {
    await Promise.all(o.engines.map((e) => e.stop({ drainMs: 0 })));
  }
  return { instants };
}
