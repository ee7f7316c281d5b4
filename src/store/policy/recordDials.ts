import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

export interface DialRecord {
  instanceId: string;
  /** E.164, as dialled. */
  number: string;
  /** When the attempt started. */
  at: number;
  jobId: string;
}

/** 5 columns a row: far under every backend's parameter limit. */
const ROWS_PER_STATEMENT = 1000;

/** Records attempts' starts for the per-number limits; recording the same attempt twice changes nothing. */
export async function recordDials(db: Kysely<Db>, dials: readonly DialRecord[]): Promise<void> {
  for (let i = 0; i < dials.length; i += ROWS_PER_STATEMENT) {
    const rows = dials.slice(i, i + ROWS_PER_STATEMENT).map((d) => ({
      instance_id: d.instanceId,
      number: d.number,
      at: d.at,
      job_id: d.jobId,
      answered: 0,
    }));
    await db
      .insertInto('number_dial')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
