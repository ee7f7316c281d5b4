import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Instants are UTC milliseconds (bigint on PostgreSQL, integer on SQLite); JSON columns hold text. */
type Ms = ColumnType<number, number, number>;

export interface InstanceTable {
  id: string;
  name: string;
  created_at: Ms;
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
}

export interface Db {
  instance: InstanceTable;
  line_group: LineGroupTable;
  line: LineTable;
  job_group: JobGroupTable;
  job: JobTable;
  task: TaskTable;
}

export type JobRow = Selectable<JobTable>;
export type NewJobRow = Insertable<JobTable>;
export type TaskRow = Selectable<TaskTable>;
export type NewTaskRow = Insertable<TaskTable>;
export type JobGroupRow = Selectable<JobGroupTable>;
export type LineGroupRow = Selectable<LineGroupTable>;
export type LineRow = Selectable<LineTable>;
