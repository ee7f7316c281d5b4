import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Instants are UTC milliseconds (bigint on PostgreSQL, integer on SQLite); JSON columns hold text. */
type Ms = ColumnType<number, number, number>;

export interface InstanceTable {
  id: string;
  name: string;
  description: Generated<string>;
  created_at: Ms;
}

export interface ApiKeyTable {
  /** The public half of a bearer token (`odk_<id>_<secret>`). */
  id: string;
  /** null = an operator key, which manages instances. */
  instance_id: string | null;
  name: string;
  /** SHA-256 (hex) of the secret half; the secret itself is shown once and never stored. */
  secret_hash: string;
  created_at: Ms;
  revoked_at: Ms | null;
}

export interface AccessKeyTable {
  /** AccessKeyId of an Alibaba-style signed request. */
  id: string;
  instance_id: string;
  /** AccessKeySecret sealed with the server's secret key (AES-256-GCM). */
  secret_sealed: string;
  created_at: Ms;
  revoked_at: Ms | null;
}

export interface RequestNonceTable {
  access_key_id: string;
  nonce: string;
  seen_at: Ms;
}

export interface ScriptTable {
  id: string;
  instance_id: string;
  name: string;
  description: string;
  industry: string;
  scene: string;
  /** PUBLISHED | DRAFTED */
  status: string;
  created_at: Ms;
  modified_at: Ms;
  /** `zh` or `en`; '' for a script without a body. */
  language: Generated<string>;
  /** Versions written so far (0: none); the one calls run is `published_version`. */
  latest_version: Generated<number>;
  published_version: number | null;
}

export interface ScriptVersionTable {
  script_id: string;
  version: number;
  /** The validated script as JSON (defaults filled in). */
  body: string;
  /** The text as sent (YAML or JSON). */
  source: string;
  created_at: Ms;
  published_at: Ms | null;
}

export interface LineGroupTable {
  id: string;
  instance_id: string;
  name: string;
  capacity: number;
  calls_per_second: number;
  created_at: Ms;
}

export interface LineTable {
  id: string;
  line_group_id: string;
  position: number;
  calling_number: string;
  capacity: number;
}

export interface JobGroupTable {
  id: string;
  instance_id: string;
  name: string;
  description: string;
  script_id: string | null;
  /** The script version its calls run; fixed when the group is given its script. */
  script_version: number | null;
  status: string;
  /** 0 = Urgent, 1 = Daily: served in ascending order. */
  priority: number;
  strategy: string;
  recall_strategy: string;
  line_group_ids: string;
  ringing_duration: number;
  concurrency: number;
  time_zone: string;
  created_at: Ms;
  modified_at: Ms;
  started_at: Ms | null;
  finished_at: Ms | null;
  version: Generated<number>;
}

export interface JobTable {
  id: string;
  instance_id: string;
  job_group_id: string;
  reference_id: string;
  status: number;
  failure_reason: number | null;
  priority: number;
  /** E.164 of the first contact: what is dialled, and what search by phone uses. */
  phone_number: string;
  contacts: string;
  extras: string;
  time_zone: string | null;
  strategy: string | null;
  next_attempt_at: Ms | null;
  attempts: number;
  day_key: string | null;
  day_attempts: number;
  last_ended_at: Ms | null;
  created_at: Ms;
  updated_at: Ms;
  finished_at: Ms | null;
  version: number;
}

export interface TaskTable {
  id: string;
  job_id: string;
  job_group_id: string;
  instance_id: string;
  attempt: number;
  status: number;
  planned_time: Ms;
  actual_time: Ms | null;
  end_time: Ms | null;
  calling_number: string;
  called_number: string;
  line_group_id: string;
  line_id: string;
  hangup_cause: string | null;
  sip_code: number | null;
  ring_duration: number;
  talk_duration: number;
  /** Line groups that failed under this attempt before it reached the callee (failover). */
  line_failures: number;
  /** The engine process holding the call, and until when its lease runs. */
  owner: string | null;
  lease_until: Ms | null;
  /** The script version the robot ran (null: the group has no script). */
  script_version: number | null;
  /** Grade A–F, the rule that fired, tags (JSON array) and the transcript (JSON TranscriptTurn[]). */
  level: string | null;
  level_rule: string | null;
  tags: string | null;
  conversation: string | null;
  /** Why the robot's part ended (EndReason). */
  robot_end: string | null;
  /** The call's recording (migration 0009): file name, download URL, length in ms, size in bytes; null when none. */
  recording_file: string | null;
  recording_url: string | null;
  recording_duration: number | null;
  recording_size: number | null;
}

export interface EventTable {
  id: string;
  instance_id: string;
  job_group_id: string;
  job_id: string;
  task_id: string | null;
  type: string;
  occurred_at: Ms;
  /** The OutdialEvent as JSON. */
  data: string;
}

/** An event not fanned out yet, with what its fan-out routes by (migration 0007). */
export interface FanOutQueueTable {
  event_id: string;
  occurred_at: Ms;
  instance_id: string;
  job_group_id: string;
  job_id: string;
  type: string;
}

export interface SubscriptionTable {
  id: string;
  instance_id: string;
  name: string;
  sink: string;
  format: string;
  config_sealed: string;
  event_types: string | null;
  job_group_ids: string | null;
  retry_schedule: string;
  ack_mode: string;
  timeout_ms: number;
  status: string;
  created_at: Ms;
  modified_at: Ms;
}

export interface DeliveryTable {
  id: string;
  subscription_id: string;
  event_id: string;
  job_id: string;
  occurred_at: Ms;
  status: string;
  attempts: Generated<number>;
  tries: Generated<number>;
  next_attempt_at: Ms;
  last_status: number | null;
  last_error: string | null;
  created_at: Ms;
  delivered_at: Ms | null;
  owner: string | null;
  lease_until: Ms | null;
}

export interface DeliveryAttemptTable {
  delivery_id: string;
  attempt: number;
  at: Ms;
  ok: number;
  status: number | null;
  error: string | null;
  duration_ms: number;
}

export interface ContactPolicyTable {
  instance_id: string;
  /** PolicySettings as JSON. */
  settings: string;
  modified_at: Ms;
}

export interface NumberListTable {
  /** An instance id, or '*' for the operator's global list. */
  scope: string;
  /** block | allow */
  list: string;
  /** An E.164 number, or a prefix ending in `*`. */
  pattern: string;
  reason: Generated<string>;
  expires_at: Ms | null;
  created_at: Ms;
}

export interface NumberDialTable {
  instance_id: string;
  number: string;
  /** When the attempt started. */
  at: Ms;
  job_id: string;
  /** 1 once the attempt was answered. */
  answered: Generated<number>;
}

export interface NumberMemoryTable {
  instance_id: string;
  number: string;
  empty_at: Ms | null;
  last_answered_at: Ms | null;
}

export interface PolicyRefusalTable {
  id: string;
  instance_id: string;
  job_group_id: string;
  job_id: string;
  at: Ms;
  /** refuse | defer */
  verdict: string;
  reason: string;
  rule: string;
}

export interface Db {
  event: EventTable;
  fan_out_queue: FanOutQueueTable;
  subscription: SubscriptionTable;
  delivery: DeliveryTable;
  delivery_attempt: DeliveryAttemptTable;
  instance: InstanceTable;
  api_key: ApiKeyTable;
  access_key: AccessKeyTable;
  request_nonce: RequestNonceTable;
  script: ScriptTable;
  script_version: ScriptVersionTable;
  line_group: LineGroupTable;
  line: LineTable;
  job_group: JobGroupTable;
  job: JobTable;
  task: TaskTable;
  contact_policy: ContactPolicyTable;
  number_list: NumberListTable;
  number_dial: NumberDialTable;
  number_memory: NumberMemoryTable;
  policy_refusal: PolicyRefusalTable;
}

export type JobRow = Selectable<JobTable>;
export type NewJobRow = Insertable<JobTable>;
export type TaskRow = Selectable<TaskTable>;
export type NewTaskRow = Insertable<TaskTable>;
export type JobGroupRow = Selectable<JobGroupTable>;
export type LineGroupRow = Selectable<LineGroupTable>;
export type LineRow = Selectable<LineTable>;
export type ApiKeyRow = Selectable<ApiKeyTable>;
export type AccessKeyRow = Selectable<AccessKeyTable>;
export type ScriptRow = Selectable<ScriptTable>;
export type ScriptVersionRow = Selectable<ScriptVersionTable>;
export type EventRow = Selectable<EventTable>;
export type NewEventRow = Insertable<EventTable>;
export type FanOutQueueRow = Selectable<FanOutQueueTable>;
export type SubscriptionRow = Selectable<SubscriptionTable>;
export type DeliveryRow = Selectable<DeliveryTable>;
export type NumberListRow = Selectable<NumberListTable>;
export type PolicyRefusalRow = Selectable<PolicyRefusalTable>;
