import type { Kysely } from 'kysely';
import { invalidField } from '../../core/errors.js';
import { EVENT_TYPES } from '../../core/events.js';
import { jobGroupIdsOfInstance } from '../../store/jobGroups/jobGroupIdsOfInstance.js';
import type { Db } from '../../store/schema.js';
import { ACK_MODES } from '../sinks/webhook.js';

/** A filter column: JSON of the list, or null for "all" (absent, null). An empty list is refused: it matches nothing. */
export function eventTypesColumn(v: readonly string[] | null | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (v.length === 0) throw invalidField('eventTypes', 'must name at least one event type, or be left out for all');
  for (const [i, t] of v.entries()) {
    if (!(EVENT_TYPES as readonly string[]).includes(t)) {
      throw invalidField(`eventTypes[${i}]`, `must be one of ${EVENT_TYPES.join(', ')}`);
    }
  }
  return JSON.stringify([...new Set(v)]);
}

/** The job-group filter column; every id must name a job group of the instance (a typo would match nothing). */
export async function jobGroupIdsColumn(
  db: Kysely<Db>,
  instanceId: string,
  v: readonly string[] | null | undefined,
): Promise<string | null> {
  if (v === undefined || v === null) return null;
  if (v.length === 0) throw invalidField('jobGroupIds', 'must name at least one job group, or be left out for all');
  const ids = [...new Set(v)];
  const known = new Set(await jobGroupIdsOfInstance(db, instanceId, ids));
  const missing = v.findIndex((id) => !known.has(id));
  if (missing >= 0) throw invalidField(`jobGroupIds[${missing}]`, `no job group ${v[missing]} in this instance`);
  return JSON.stringify(ids);
}

export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 120_000;

export function checkTimeout(ms: number): number {
  if (!Number.isInteger(ms) || ms < MIN_TIMEOUT_MS || ms > MAX_TIMEOUT_MS) {
    throw invalidField('timeoutMs', `must be whole milliseconds from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}`);
  }
  return ms;
}

export function checkAckMode(mode: string): string {
  if (!(ACK_MODES as readonly string[]).includes(mode))
    throw invalidField('ackMode', `must be one of ${ACK_MODES.join(', ')}`);
  return mode;
}
