import { nextAttemptAt } from './nextAttemptAt.js';
import type { AttemptHistory, Strategy } from './types.js';

/** Whether the job may be dialled exactly at `t` (UTC ms). */
export function mayDial(strategy: Strategy, zone: string, history: AttemptHistory, t: number): boolean {
  const next = nextAttemptAt(strategy, zone, history, t);
  return next.kind === 'at' && next.at === t;
}
