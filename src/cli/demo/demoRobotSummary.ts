import { type Kysely, sql } from 'kysely';
import { TaskStatus } from '../../core/enums.js';
import type { TranscriptLine } from '../../core/events.js';
import type { Db } from '../../store/schema.js';
import { taskRobotResult } from '../../store/tasks/taskRobotColumns.js';

/** What the robot made of a campaign, for the demo's closing tables. */
export interface DemoRobotSummary {
  /** Contacts per level (A–F) of their last call; a contact never called is not counted. */
  levels: Map<string, number>;
  /** Contacts per tag of their last call, most first (ties by name). */
  tags: [tag: string, contacts: number][];
  /** Answered calls on which the robot talked. */
  conversations: number;
  /** Robot turns per conversation. */
  meanRounds: number;
  /** The shortest A-level conversation (the first to end among equals), or null when no call reached A. */
  sampleA: TranscriptLine[] | null;
}

const PAGE = 1000;

interface Sample {
  lines: TranscriptLine[];
  endedAt: number;
  number: string;
}

/** Fewer lines first, then the call that ended first, then the number: the same sample for the same seed. */
const shorterOrEarlier = (a: Sample, b: Sample) =>
  a.lines.length - b.lines.length || a.endedAt - b.endedAt || a.number.localeCompare(b.number);

/** Levels and tags of each contact's last call, counted in the database. */
async function lastCallGrades(db: Kysely<Db>, jobGroupId: string) {
  return db
    .selectFrom('task as t')
    .select(['t.level', 't.tags', sql<number | string>`count(*)`.as('n')])
    .where('t.job_group_id', '=', jobGroupId)
    .where('t.attempt', '=', (eb) =>
      eb
        .selectFrom('task as l')
        .select((l) => l.fn.max('l.attempt').as('attempt'))
        .whereRef('l.job_id', '=', 't.job_id'),
    )
    .groupBy(['t.level', 't.tags'])
    .execute();
}

/**
 * The robot's side of a finished campaign: levels and tags per contact (by each contact's last call, which
 * for a contact reached is the answered one), robot turns per conversation and a short A-level sample.
 * Conversations are read a page at a time, so a large campaign does not load them all at once.
 */
export async function demoRobotSummary(db: Kysely<Db>, jobGroupId: string): Promise<DemoRobotSummary> {
  const levels = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const row of await lastCallGrades(db, jobGroupId)) {
    const n = Number(row.n);
    if (row.level !== null) levels.set(row.level, (levels.get(row.level) ?? 0) + n);
    for (const tag of row.tags ? (JSON.parse(row.tags) as string[]) : []) tags.set(tag, (tags.get(tag) ?? 0) + n);
  }

  let conversations = 0;
  let rounds = 0;
  let sample: Sample | null = null;
  for (let after = ''; ; ) {
    const page = await db
      .selectFrom('task')
      .selectAll()
      .where('job_group_id', '=', jobGroupId)
      .where('status', '=', TaskStatus.Succeeded)
      .where('script_version', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const task of page) {
      const robot = taskRobotResult(task);
      if (!robot || robot.transcript.length === 0) continue;
      conversations++;
      rounds += robot.rounds;
      if (robot.level !== 'A') continue;
      const candidate = { lines: robot.transcript, endedAt: task.end_time ?? 0, number: task.called_number };
      if (sample === null || shorterOrEarlier(candidate, sample) < 0) sample = candidate;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]?.id ?? after;
  }
  return {
    levels,
    tags: [...tags.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    conversations,
    meanRounds: conversations > 0 ? rounds / conversations : 0,
    sampleA: sample?.lines ?? null,
  };
}
