import type { FormattedEvent } from './format.js';

/** One message to deliver: the formatted event and the ids a receiver dedupes and orders by. */
export interface OutgoingMessage extends FormattedEvent {
  eventId: string;
  eventType: string;
  jobGroupId: string;
  /** null for events about a whole job group. */
  jobId: string | null;
  occurredAt: number;
}

/**
 * How one delivery attempt went. `retry: false` marks a permanent refusal (e.g. 4xx other than 408/429):
 * the dispatcher still follows the retry schedule unless told the failure is permanent.
 */
export type DeliveryOutcome =
  | { ok: true; status?: number; detail?: string }
  | { ok: false; status?: number; error: string; permanent?: boolean };

/** Where events go: a webhook, an exchange, a subject, a stream. Sinks are created per subscription. */
export interface EventSink {
  /** Delivers one message; never throws for a receiver's failure, only returns it. */
  send(message: OutgoingMessage, signal?: AbortSignal): Promise<DeliveryOutcome>;
  /** Checks the configuration reaches its target (credentials, exchange, stream); throws OutdialError when not. */
  check?(): Promise<void>;
  close(): Promise<void>;
}
