import { invalidField } from '../../core/errors.js';
import { EVENT_TYPES } from '../../core/events.js';
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

export function jobGroupIdsColumn(v: readonly string[] | null | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (v.length === 0) throw invalidField('jobGroupIds', 'must name at least one job group, or be left out for all');
  return JSON.stringify([...new Set(v)]);
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
