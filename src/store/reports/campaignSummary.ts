import { type Kysely, sql } from 'kysely';
import { TaskStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

export interface CampaignSummary {
  jobsByStatus: Map<number, number>;
  failureReasons: Map<number, number>;
  tasksByStatus: Map<number, number>;
  /** attempts → how many jobs made that many. */
  attemptsPerJob: Map<number, number>;
  tasks: number;
  answered: number;
  lineFailovers: number;
  firstCallAt: number | null;
  lastCallEndAt: number | null;
  talkSeconds: number;
}

const toMap = (rows: { k: number | null; n: number | string }[]) => {
  const m = new Map<number, number>();
  for (const r of rows) if (r.k !== null) m.set(Number(r.k), Number(r.n));
  return m;
};

/** Counts for one job group: what a progress view and the demo's closing table show. */
export async function campaignSummary(db: Kysely<Db>, jobGroupId: string): Promise<CampaignSummary> {
  const n = sql<number>`count(*)`;
  const [jobs, reasons, tasks, attempts, totals] = await Promise.all([
    db
      .selectFrom('job')
      .select(['status as k', n.as('n')])
      .where('job_group_id', '=', jobGroupId)
      .groupBy('status')
      .execute(),
    db
      .selectFrom('job')
      .select(['failure_reason as k', n.as('n')])
      .where('job_group_id', '=', jobGroupId)
      .where('failure_reason', 'is not', null)
      .groupBy('failure_reason')
      .execute(),
    db
      .selectFrom('task')
      .select(['status as k', n.as('n')])
      .where('job_group_id', '=', jobGroupId)
      .groupBy('status')
      .execute(),
    db
      .selectFrom('job')
      .select(['attempts as k', n.as('n')])
      .where('job_group_id', '=', jobGroupId)
      .groupBy('attempts')
      .execute(),
    db
      .selectFrom('task')
      .select((eb) => [
        n.as('tasks'),
        eb.fn.min('actual_time').as('first'),
        eb.fn.max('end_time').as('last'),
        eb.fn.sum<number>('line_failures').as('failovers'),
        eb.fn.sum<number>('talk_duration').as('talk'),
      ])
      .where('job_group_id', '=', jobGroupId)
      .executeTakeFirstOrThrow(),
  ]);
  const tasksByStatus = toMap(tasks);
  return {
    jobsByStatus: toMap(jobs),
    failureReasons: toMap(reasons),
    tasksByStatus,
    attemptsPerJob: toMap(attempts),
    tasks: Number(totals.tasks),
    answered: tasksByStatus.get(TaskStatus.Succeeded) ?? 0,
    lineFailovers: Number(totals.failovers ?? 0),
    firstCallAt: totals.first === null ? null : Number(totals.first),
    lastCallEndAt: totals.last === null ? null : Number(totals.last),
    talkSeconds: Math.round(Number(totals.talk ?? 0) / 1000),
  };
}
