import { type Kysely, sql } from 'kysely';
import type { FailureReason, JobStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

/** Which of an instance's jobs a listing shows; every field narrows, an empty list matches nothing. */
export interface JobFilter {
  instanceId: string;
  /** A group known to belong to the instance: the listing then walks the job_by_group_created index. */
  jobGroupId?: string;
  jobIds?: readonly string[];
  statuses?: readonly JobStatus[];
  failureReasons?: readonly FailureReason[];
  /** E.164. */
  phoneNumber?: string;
  referenceId?: string;
  /** UTC ms, inclusive. */
  createdFrom?: number;
  createdTo?: number;
  finishedFrom?: number;
  finishedTo?: number;
}

/** Where a listing in (created_at, id) order stopped: the last row's key. */
export interface JobKey {
  createdAt: number;
  id: string;
}

/** The ids of an instance's job groups, as a subquery. */
export const instanceGroups = (db: Kysely<Db>, instanceId: string) =>
  db.selectFrom('job_group').select('job_group.id').where('job_group.instance_id', '=', instanceId);

/** The jobs that pass the filter; listing, counting and bulk commands share it. */
export function filterJobs(db: Kysely<Db>, f: JobFilter) {
  // Scoping by group alone (the caller checked the group is the instance's) lets the planner take the
  // group's index rather than the instance's, which would walk every other group's jobs too.
  // A referenceId across the instance names the instance's groups instead, so that the (job_group_id,
  // reference_id) unique index answers rather than a walk over every job of the instance.
  let q =
    f.jobGroupId !== undefined
      ? db.selectFrom('job').where('job_group_id', '=', f.jobGroupId)
      : f.referenceId !== undefined
        ? db.selectFrom('job').where('job_group_id', 'in', instanceGroups(db, f.instanceId))
        : db.selectFrom('job').where('instance_id', '=', f.instanceId);
  const nothing = sql<boolean>`1 = 0`;
  if (f.jobIds !== undefined) q = f.jobIds.length === 0 ? q.where(nothing) : q.where('id', 'in', f.jobIds);
  if (f.statuses !== undefined) q = f.statuses.length === 0 ? q.where(nothing) : q.where('status', 'in', f.statuses);
  if (f.failureReasons !== undefined) {
    q = f.failureReasons.length === 0 ? q.where(nothing) : q.where('failure_reason', 'in', f.failureReasons);
  }
  if (f.phoneNumber !== undefined) q = q.where('phone_number', '=', f.phoneNumber);
  if (f.referenceId !== undefined) q = q.where('reference_id', '=', f.referenceId);
  if (f.createdFrom !== undefined) q = q.where('created_at', '>=', f.createdFrom);
  if (f.createdTo !== undefined) q = q.where('created_at', '<=', f.createdTo);
  if (f.finishedFrom !== undefined) q = q.where('finished_at', '>=', f.finishedFrom);
  if (f.finishedTo !== undefined) q = q.where('finished_at', '<=', f.finishedTo);
  return q;
}

/** The filter's jobs after `after` in (created_at, id) order: assignment order, as the indexes hold it. */
export function filterJobsAfter(db: Kysely<Db>, f: JobFilter, after: JobKey | null) {
  let q = filterJobs(db, f);
  if (after) q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after.createdAt, after.id)));
  return q.orderBy('created_at').orderBy('id');
}
