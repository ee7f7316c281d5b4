import type { OutdialEvent } from '../core/events.js';

export const FORMAT_NAMES = ['cloudevents', 'alibaba', 'baiying', 'airudder'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** An event rendered for one receiver: the body to send, its content type, and a routing key for brokers. */
export interface FormattedEvent {
  body: string;
  contentType: string;
  /** e.g. `outdial.job.complete` / `JobComplete`: the AMQP routing key, NATS subject suffix, stream field. */
  key: string;
}

/** A vendor's language for events; null when the vendor has no message for this event type. */
export type EventFormat = (event: OutdialEvent) => FormattedEvent | null;

/** Formats by name; a dispatcher or test send given only some refuses the others. */
export type Formats = Partial<Record<FormatName, EventFormat>>;
