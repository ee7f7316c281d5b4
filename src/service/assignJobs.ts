import { FailureReason, JobStatus } from '../core/enums.js';
import { OutdialError } from '../core/errors.js';
import { parseJobBatch } from '../core/jobs/parseJobBatch.js';
import type { ParsedJob } from '../core/jobs/parseJobInput.js';
import { emptyHistory, nextAttemptAt, parseOptionalStrategy } from '../core/strategy/index.js';
import type { NextAttempt, Strategy } from '../core/strategy/types.js';
import { getJobGroup } from '../store/jobGroups/getJobGroup.js';
import { updateJobGroupStatus } from '../store/jobGroups/updateJobGroupStatus.js';
import { findExistingReferenceIds } from '../store/jobs/findExistingReferenceIds.js';
import { insertJobs } from '../store/jobs/insertJobs.js';
import type { NewJobRow } from '../store/schema.js';
import type { ServiceDeps } from './deps.js';

export interface AssignJobsInput {
  jobGroupId: string;
  /** Vendor job objects (JobsJson elements), objects or JSON strings. */
  jobs: unknown[];
  /** A StrategyJson for these jobs only, overriding the group's. */
  strategy?: unknown;
}

export interface AssignJobsResult {
  jobGroupId: string;
  jobIds: string[];
}

/**
 * Validates the whole batch, then stores it in one transaction with each job's first planned
 * attempt: all jobs or none. A job whose strategy allows no attempt at all is stored Failed (TimeUp).
 */
export async function assignJobs(deps: ServiceDeps, input: AssignJobsInput): Promise<AssignJobsResult> {
  const group = await getJobGroup(deps.db, input.jobGroupId);
  if (!group) {
    throw new OutdialError('JOB_GROUP_NOT_FOUND', `job group ${input.jobGroupId} does not exist`, {
      field: 'jobGroupId',
    });
  }
  if (group.status === 'Cancelled') {
    throw new OutdialError('VALIDATION_FAILED', `jobGroupId: job group ${group.id} is cancelled`, {
      field: 'jobGroupId',
    });
  }
  const override = parseOptionalStrategy(input.strategy, 'strategy');
  const { jobs } = parseJobBatch(input.jobs, { defaultCountry: deps.defaultCountry });
  const strategy = override ?? group.strategy;
  const strategyText = override ? JSON.stringify(override) : null;
  const now = deps.clock.now();

  // Every job of a batch starts with an empty history, so its first attempt depends on its zone only.
  const firstByZone = new Map<string, NextAttempt>();
  const firstAttempt = (zone: string) => {
    let n = firstByZone.get(zone);
    if (!n) {
      n = nextAttemptAt(strategy as Strategy, zone, emptyHistory(), now);
      firstByZone.set(zone, n);
    }
    return n;
  };

  const rows: NewJobRow[] = new Array(jobs.length);
  const jobIds: string[] = new Array(jobs.length);
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i] as ParsedJob;
    const first = firstAttempt(job.timeZone ?? group.timeZone);
    const id = deps.newId();
    jobIds[i] = id;
    const never = first.kind === 'never';
    rows[i] = {
      id,
      instance_id: group.instanceId,
      job_group_id: group.id,
      reference_id: job.referenceId,
      status: never ? JobStatus.Failed : JobStatus.Scheduling,
      failure_reason: never ? FailureReason.TimeUp : null,
      priority: job.priority,
      phone_number: (job.contacts[0] as ParsedJob['contacts'][number]).e164,
      contacts: JSON.stringify(job.contacts),
      extras: JSON.stringify(job.extras),
      time_zone: job.timeZone,
      strategy: strategyText,
      next_attempt_at: first.kind === 'at' ? first.at : null,
      attempts: 0,
      day_key: null,
      day_attempts: 0,
      last_ended_at: null,
      created_at: now,
      updated_at: now,
      finished_at: never ? now : null,
      version: 0,
    };
  }

  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertJobs(trx, deps.caps, rows);
      await updateJobGroupStatus(trx, {
        id: group.id,
        from: ['Draft', 'Completed'],
        to: 'Scheduling',
        now,
        finishedAt: null,
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const taken = new Set(
      await findExistingReferenceIds(
        deps.db,
        group.id,
        jobs.map((j) => j.referenceId),
      ),
    );
    const index = jobs.findIndex((j) => taken.has(j.referenceId));
    const field = `jobs[${Math.max(0, index)}].referenceId`;
    throw new OutdialError(
      'DUPLICATE_REFERENCE_ID',
      `${field}: job group ${group.id} already has a job with referenceId '${jobs[index]?.referenceId ?? '?'}'`,
      { field, value: jobs[index]?.referenceId },
      { cause: error },
    );
  }
  return { jobGroupId: group.id, jobIds };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === '23505';
}
