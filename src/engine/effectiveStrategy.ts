import type { Strategy } from '../core/strategy/types.js';
import type { JobGroup } from '../core/types.js';
import type { JobRow } from '../store/schema.js';

// Job rows share strategy text with many siblings: parse each distinct text once.
const parsed = new Map<string, Strategy>();

/** A strategy assigned with the job overrides the group's. */
export function effectiveStrategy(job: Pick<JobRow, 'strategy'>, group: JobGroup): Strategy {
  if (job.strategy === null) return group.strategy;
  let s = parsed.get(job.strategy);
  if (!s) {
    if (parsed.size > 1000) parsed.clear();
    s = JSON.parse(job.strategy) as Strategy;
    parsed.set(job.strategy, s);
  }
  return s;
}

/** The callee's own zone overrides the group's. */
export const effectiveZone = (job: Pick<JobRow, 'time_zone'>, group: JobGroup): string =>
  job.time_zone ?? group.timeZone;
