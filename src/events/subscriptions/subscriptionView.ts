import type { EventType } from '../../core/events.js';
import type { SubscriptionRow } from '../../store/schema.js';
import type { FormatName } from '../format.js';
import type { SinkKind } from '../openSink.js';
import type { AckMode } from '../sinks/webhook.js';

/** A subscription as its owner sees it: never its config's secrets, only where it sends to. */
export interface Subscription {
  id: string;
  instanceId: string;
  name: string;
  sink: SinkKind;
  format: FormatName;
  /** Where events go, without credentials or query: a webhook's URL, a broker's host. */
  target: string;
  eventTypes: EventType[] | null;
  jobGroupIds: string[] | null;
  retryScheduleSeconds: number[];
  ackMode: AckMode;
  timeoutMs: number;
  status: 'active' | 'paused';
  createdAt: number;
  modifiedAt: number;
}

const safeUrl = (s: unknown): string | null => {
  if (typeof s !== 'string' || !URL.canParse(s)) return null;
  const u = new URL(s);
  return `${u.protocol}//${u.host}${u.protocol.startsWith('http') ? u.pathname : ''}`;
};

/** The public part of a config: a URL stripped of userinfo, query and fragment. */
export function targetOf(config: Record<string, unknown>): string {
  const servers = config.servers;
  const first = Array.isArray(servers) ? servers[0] : servers;
  return safeUrl(config.url) ?? safeUrl(first) ?? (typeof first === 'string' ? first : '');
}

export function subscriptionView(row: SubscriptionRow, config: Record<string, unknown>): Subscription {
  return {
    id: row.id,
    instanceId: row.instance_id,
    name: row.name,
    sink: row.sink as SinkKind,
    format: row.format as FormatName,
    target: targetOf(config),
    eventTypes: row.event_types === null ? null : (JSON.parse(row.event_types) as EventType[]),
    jobGroupIds: row.job_group_ids === null ? null : (JSON.parse(row.job_group_ids) as string[]),
    retryScheduleSeconds: JSON.parse(row.retry_schedule) as number[],
    ackMode: row.ack_mode as AckMode,
    timeoutMs: row.timeout_ms,
    status: row.status as 'active' | 'paused',
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}
