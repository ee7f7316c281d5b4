import { FailureReason, JobStatus } from '../core/enums.js';
import type { ParsedJob } from '../core/jobs/parseJobInput.js';
import { emptyHistory, nextAttemptAt } from '../core/strategy/index.js';
import type { NextAttempt, Strategy } from '../core/strategy/types.js';
import type { JobGroup } from '../core/types.js';
import type { JobRow, NewJobRow } from '../store/schema.js';

export interface JobRowContext {
  group: JobGroup;
  /** The strategy given with these jobs, overriding the group's; null for the group's. */
  override: Strategy | null;
  now: number;
  newId: () => string;
}

/**
 * Builds the stored row of each newly assigned job with its first planned attempt. A job whose strategy allows
 * no attempt at all is stored Failed (TimeUp).
 */
export function createJobRowBuilder(c: JobRowContext): (job: ParsedJob) => NewJobRow {
  const strategy = c.override ?? c.group.strategy;
  const strategyText = c.override ? JSON.stringify(c.override) : null;
  // A new job's history is empty, so its first attempt depends on its zone only.
  const firstByZone = new Map<string, NextAttempt>();
  return (job) => {
    const zone = job.timeZone ?? c.group.timeZone;
    let first = firstByZone.get(zone);
    if (!first) {
      first = nextAttemptAt(strategy, zone, emptyHistory(), c.now);
      firstByZone.set(zone, first);
    }
    const never = first.kind === 'never';
    return {
      id: c.newId(),
      instance_id: c.group.instanceId,
      job_group_id: c.group.id,
      reference_id: job.referenceId,
      status: never ? JobStatus.Failed : JobStatus.Scheduling,
      failure_reason: never ? FailureReason.TimeUp : null,
      priority: job.priority,
      phone_number: job.contacts[0]!.e164,
      contacts: JSON.stringify(job.contacts),
      extras: JSON.stringify(job.extras),
      time_zone: job.timeZone,
      strategy: strategyText,
      next_attempt_at: first.kind === 'at' ? first.at : null,
      attempts: 0,
      day_key: null,
      day_attempts: 0,
      last_ended_at: null,
      created_at: c.now,
      updated_at: c.now,
      finished_at: never ? c.now : null,
      version: 0,
    };
  };
}

/** Rows stored already Failed (their strategy allows no attempt): they complete the moment they are assigned. */
export function failedAtOnce(rows: readonly NewJobRow[]): JobRow[] {
  return rows.filter((r) => r.status === JobStatus.Failed) as JobRow[];
}
