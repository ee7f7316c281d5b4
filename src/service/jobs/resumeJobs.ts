import type { Kysely } from 'kysely';
import { isTerminalJobStatus, type TaskStatus } from '../../core/enums.js';
import type { JobGroup } from '../../core/types.js';
import type { StoreCaps } from '../../store/dialects.js';
import { getJobGroup } from '../../store/jobGroups/getJobGroup.js';
import { getPausedJobs } from '../../store/jobs/getPausedJobs.js';
import { type ResumeTarget, resumePausedJobs } from '../../store/jobs/resumePausedJobs.js';
import type { Db, JobRow } from '../../store/schema.js';
import { jobsWithCallsInProgress } from '../../store/tasks/jobsWithCallsInProgress.js';
import { latestTasksOfJobs } from '../../store/tasks/latestTasksOfJobs.js';
import { planResume } from './planResume.js';

/**
 * Resumes those of these jobs (one chunk, inside the caller's transaction) that are Paused. Jobs with the
 * same plan and version move in one guarded statement (a bulk-suspended group mostly shares both); a job
 * that moved since it was read (its call's outcome recorded) is read and planned once more. Returns how
 * many changed, the groups where a job ended, and those jobs as they now stand.
 */
export async function resumeJobs(
  db: Kysely<Db>,
  caps: StoreCaps,
  c: { instanceId: string; ids: readonly string[]; now: number; groups: Map<string, JobGroup> },
): Promise<{ changed: number; endedIn: Set<string>; ended: JobRow[] }> {
  let changed = 0;
  const endedIn = new Set<string>();
  const ended: JobRow[] = [];
  let rows = await getPausedJobs(db, c.ids);
  for (let round = 0; round < 2 && rows.length > 0; round++) {
    const batches = new Map<string, { plan: ResumeTarget; version: number; jobs: JobRow[] }>();
    for (const { row, plan } of await planAll(db, caps, c, rows)) {
      const key = JSON.stringify([plan, row.version]);
      const batch = batches.get(key);
      if (batch) batch.jobs.push(row);
      else batches.set(key, { plan, version: row.version, jobs: [row] });
    }
    const lost: string[] = [];
    for (const { plan, version, jobs } of batches.values()) {
      const moved = new Set(
        await resumePausedJobs(
          db,
          jobs.map((j) => j.id),
          version,
          plan,
          c.now,
        ),
      );
      changed += moved.size;
      for (const job of jobs) {
        if (!moved.has(job.id)) lost.push(job.id);
        else if (isTerminalJobStatus(plan.status)) {
          endedIn.add(job.job_group_id);
          ended.push({ ...job, status: plan.status, failure_reason: plan.failureReason ?? null });
        }
      }
    }
    rows = lost.length > 0 ? await getPausedJobs(db, lost) : [];
  }
  return { changed, endedIn, ended };
}

async function planAll(
  db: Kysely<Db>,
  caps: StoreCaps,
  c: { instanceId: string; now: number; groups: Map<string, JobGroup> },
  rows: JobRow[],
): Promise<{ row: JobRow; plan: ResumeTarget }[]> {
  const running = await jobsWithCallsInProgress(
    db,
    rows.map((r) => r.id),
  );
  const dialled = rows.filter((r) => !running.has(r.id) && r.attempts > 0).map((r) => r.id);
  const latest = new Map<string, TaskStatus>(
    (await latestTasksOfJobs(db, caps, c.instanceId, dialled)).map((t) => [t.job_id, t.status as TaskStatus]),
  );
  const planned: { row: JobRow; plan: ResumeTarget }[] = [];
  for (const row of rows) {
    let group = c.groups.get(row.job_group_id);
    if (!group) {
      group = await getJobGroup(db, row.job_group_id);
      if (!group) continue;
      c.groups.set(group.id, group);
    }
    const plan = planResume(row, group, {
      callInProgress: running.has(row.id),
      lastTaskStatus: latest.get(row.id),
      now: c.now,
    });
    planned.push({ row, plan });
  }
  return planned;
}
