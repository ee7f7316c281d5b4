import type { VirtualClock } from '../core/virtualClock.js';
import type { Engine } from './createEngine.js';

export interface VirtualRunOptions {
  engine: Engine;
  clock: VirtualClock;
  /** Checked whenever the engine is idle; the run ends when it says so. */
  isDone(): boolean;
  /** Never run the clock past this instant (a guard against campaigns that cannot finish). */
  until: number;
  /** Called at most once per `progressEveryMs` of virtual time. */
  onProgress?(now: number): void | Promise<void>;
  progressEveryMs?: number;
}

/**
 * Drives an engine on a virtual clock as a discrete-event simulation: whenever the engine has
 * nothing left to do at the current instant, time jumps to the next timer (a call ringing out,
 * a retry falling due, a window opening). The engine, store and telephony are the real ones.
 */
export async function runVirtualCampaign(o: VirtualRunOptions): Promise<{ endedAt: number; finished: boolean }> {
  const every = o.progressEveryMs ?? 60_000;
  let lastProgress = Number.NEGATIVE_INFINITY;
  o.engine.start();
  let finished = false;
  for (;;) {
    await o.engine.whenIdle();
    const now = o.clock.now();
    if (o.onProgress && now - lastProgress >= every) {
      lastProgress = now;
      await o.onProgress(now);
    }
    if (o.isDone()) {
      finished = true;
      break;
    }
    const next = o.clock.nextTimerAt();
    if (next === undefined || next > o.until) break;
    o.clock.fireNext();
  }
  await o.engine.stop({ drainMs: 0 });
  return { endedAt: o.clock.now(), finished };
}
