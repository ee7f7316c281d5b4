import { JobStatus, TaskStatus } from '../../src/core/enums.js';
import { createVirtualClock, type VirtualClock } from '../../src/core/virtualClock.js';
import { createInstance } from '../../src/service/createInstance.js';
import { createJobGroup, type JobGroupInput } from '../../src/service/createJobGroup.js';
import { createLineGroup } from '../../src/service/createLineGroup.js';
import type { ServiceDeps } from '../../src/service/deps.js';
import { insertJobs } from '../../src/store/jobs/insertJobs.js';
import type { Store } from '../../src/store/openStore.js';
import type { JobRow, NewJobRow, NewTaskRow, TaskRow } from '../../src/store/schema.js';
import { insertTasks } from '../../src/store/tasks/insertTasks.js';
import { testIds } from './campaign.js';

/** Monday 2026-01-05 09:00 in Shanghai: past 2^31 ms, so PostgreSQL's bigint columns are exercised. */
export const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

type StoreLike = Pick<Store, 'db' | 'caps'>;

export interface SeededGroup {
  deps: ServiceDeps;
  clock: VirtualClock;
  instanceId: string;
  lineGroupId: string;
  jobGroupId: string;
}

/** An instance, one line group and a Draft job group, made through the services at `now` (virtual clock). */
export async function seedJobGroup(
  store: StoreLike,
  o: { now?: number; group?: Partial<JobGroupInput> } = {},
): Promise<SeededGroup> {
  const clock = createVirtualClock(o.now ?? T0);
  const deps: ServiceDeps = {
    db: store.db,
    caps: store.caps,
    clock,
    newId: testIds(),
    defaultCountry: 'CN',
    defaultTimeZone: 'Asia/Shanghai',
  };
  const instance = await createInstance(deps, { name: 'store test' });
  const lineGroup = await createLineGroup(deps, {
    instanceId: instance.id,
    name: 'lines',
    callingNumbers: ['02100000001'],
  });
  const group = await createJobGroup(deps, {
    instanceId: instance.id,
    name: 'campaign',
    lineGroupIds: [lineGroup.id],
    ...o.group,
  });
  return { deps, clock, instanceId: instance.id, lineGroupId: lineGroup.id, jobGroupId: group.id };
}

/** `n` distinct Chinese mobile numbers, as a caller would send them. */
export const mobiles = (n: number, from = 0): string[] =>
  Array.from({ length: n }, (_, i) => `138${String(from + i).padStart(8, '0')}`);

/** Vendor job objects for assignJobs, `ref-<i>` from `from` on. */
export const jobInputs = (n: number, from = 0): unknown[] =>
  mobiles(n, from).map((phoneNumber, i) => ({ referenceId: `ref-${from + i}`, contacts: [{ phoneNumber }] }));

/** A job row of the group, Scheduling and due at T0 unless overridden; its id doubles as its referenceId. */
export function jobRow(g: SeededGroup, o: Partial<NewJobRow> & { id: string }): NewJobRow {
  return {
    instance_id: g.instanceId,
    job_group_id: g.jobGroupId,
    reference_id: o.id,
    status: JobStatus.Scheduling,
    failure_reason: null,
    priority: 50,
    phone_number: '+8613800000000',
    contacts: '[]',
    extras: '[]',
    time_zone: null,
    strategy: null,
    next_attempt_at: T0,
    attempts: 0,
    day_key: null,
    day_attempts: 0,
    last_ended_at: null,
    created_at: T0,
    updated_at: T0,
    finished_at: null,
    version: 0,
    ...o,
  };
}

/** Inserts rows made by jobRow; returns their ids in the order given. */
export async function insertJobRows(store: StoreLike, rows: NewJobRow[]): Promise<string[]> {
  await insertJobs(store.db, store.caps, rows);
  return rows.map((r) => r.id);
}

/** `count` Scheduling jobs due one ms apart, the last at `dueAt - 1`, in id order; returns their ids. */
export async function seedDueJobs(
  store: StoreLike,
  g: SeededGroup,
  o: { count: number; dueAt: number; prefix?: string },
): Promise<string[]> {
  const prefix = o.prefix ?? `${g.jobGroupId}-due`;
  const rows = Array.from({ length: o.count }, (_, i) =>
    jobRow(g, { id: `${prefix}-${String(i).padStart(5, '0')}`, next_attempt_at: o.dueAt - (o.count - i) }),
  );
  return insertJobRows(store, rows);
}

/** A task of the job, Executing under `owner` 'engine-a' with a lease to T0 + 30 s unless overridden. */
export function taskRow(
  job: Pick<JobRow, 'id' | 'job_group_id' | 'instance_id'>,
  o: Partial<NewTaskRow> & { id: string },
) {
  const row: NewTaskRow = {
    job_id: job.id,
    job_group_id: job.job_group_id,
    instance_id: job.instance_id,
    attempt: 1,
    status: TaskStatus.Executing,
    planned_time: T0,
    actual_time: T0,
    end_time: null,
    calling_number: '02100000001',
    called_number: '+8613800000000',
    line_group_id: 'lg-1',
    line_id: 'line-1',
    hangup_cause: null,
    sip_code: null,
    ring_duration: 0,
    talk_duration: 0,
    line_failures: 0,
    owner: 'engine-a',
    lease_until: T0 + 30 * SECOND,
    ...o,
  };
  return row;
}

export async function insertTaskRows(store: StoreLike, rows: NewTaskRow[]): Promise<void> {
  await insertTasks(store.db, store.caps, rows);
}

export const readJob = (store: StoreLike, id: string): Promise<JobRow> =>
  store.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export const readTask = (store: StoreLike, id: string): Promise<TaskRow> =>
  store.db.selectFrom('task').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Every job of the group, by id. */
export const readJobs = (store: StoreLike, jobGroupId: string): Promise<JobRow[]> =>
  store.db.selectFrom('job').selectAll().where('job_group_id', '=', jobGroupId).orderBy('id').execute();
