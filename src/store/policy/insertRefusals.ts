import type { Kysely } from 'kysely';
import type { Db } from '../schema.js';

export interface PolicyRefusal {
  id: string;
  instanceId: string;
  jobGroupId: string;
  jobId: string;
  at: number;
  verdict: 'refuse' | 'defer';
  /** The Verdict's reason. */
  reason: string;
  /** The Verdict's rule text. */
  rule: string;
}

/** 8 columns a row: far under every backend's parameter limit. */
const ROWS_PER_STATEMENT = 1000;

/** Adds refused and deferred dials to the audit trail. */
export async function insertRefusals(db: Kysely<Db>, refusals: readonly PolicyRefusal[]): Promise<void> {
  for (let i = 0; i < refusals.length; i += ROWS_PER_STATEMENT) {
    await db
      .insertInto('policy_refusal')
      .values(
        refusals.slice(i, i + ROWS_PER_STATEMENT).map((r) => ({
          id: r.id,
          instance_id: r.instanceId,
          job_group_id: r.jobGroupId,
          job_id: r.jobId,
          at: r.at,
          verdict: r.verdict,
          reason: r.reason,
          rule: r.rule,
        })),
      )
      .execute();
  }
}
