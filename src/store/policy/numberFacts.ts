import type { Kysely } from 'kysely';
import type { NumberFacts } from '../../core/policy/types.js';
import type { Db } from '../schema.js';
import { NUMBER_DIAL_RETENTION_MS } from './policyRetention.js';

/** What the store knows of a job's number; the list lookups (blocked, allowed) are matchNumbers'. */
export type StoredNumberFacts = Omit<NumberFacts, 'blocked' | 'allowed'>;

export interface JobNumber {
  jobId: string;
  /** E.164, as dialled. */
  number: string;
}

const NUMBERS_PER_QUERY = 1000;

/**
 * The facts the policy weighs for each job's next dial, for a batch of jobs in two queries per 1,000 numbers:
 * the attempts to its number in the last 8 days (by any job of the instance; `jobDials` those of the job
 * itself), oldest first, and what the number is known to be (last answered, found empty).
 */
export async function numberFacts(
  db: Kysely<Db>,
  instanceId: string,
  jobs: readonly JobNumber[],
  now: number,
): Promise<Map<string, StoredNumberFacts>> {
  const numbers = [...new Set(jobs.map((j) => j.number))];
  const dials = new Map<string, { at: number; jobId: string }[]>();
  const memory = new Map<string, { emptyAt: number | null; lastAnsweredAt: number | null }>();
  for (let i = 0; i < numbers.length; i += NUMBERS_PER_QUERY) {
    const batch = numbers.slice(i, i + NUMBERS_PER_QUERY);
    const [dialRows, memoryRows] = await Promise.all([
      db
        .selectFrom('number_dial')
        .select(['number', 'at', 'job_id'])
        .where('instance_id', '=', instanceId)
        .where('number', 'in', batch)
        .where('at', '>=', now - NUMBER_DIAL_RETENTION_MS)
        .orderBy('number')
        .orderBy('at')
        .execute(),
      db
        .selectFrom('number_memory')
        .select(['number', 'empty_at', 'last_answered_at'])
        .where('instance_id', '=', instanceId)
        .where('number', 'in', batch)
        .execute(),
    ]);
    for (const r of dialRows) {
      const list = dials.get(r.number) ?? [];
      list.push({ at: r.at, jobId: r.job_id });
      dials.set(r.number, list);
    }
    for (const r of memoryRows) memory.set(r.number, { emptyAt: r.empty_at, lastAnsweredAt: r.last_answered_at });
  }
  const facts = new Map<string, StoredNumberFacts>();
  for (const job of jobs) {
    const ofNumber = dials.get(job.number) ?? [];
    const known = memory.get(job.number);
    facts.set(job.jobId, {
      recentDials: ofNumber.map((d) => d.at),
      jobDials: ofNumber.filter((d) => d.jobId === job.jobId).map((d) => d.at),
      lastAnsweredAt: known?.lastAnsweredAt ?? null,
      emptyAt: known?.emptyAt ?? null,
    });
  }
  return facts;
}
