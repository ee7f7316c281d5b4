import { OutdialError } from '../../core/errors.js';
import type { ParsedJob } from '../../core/jobs/parseJobInput.js';
import type { Strategy } from '../../core/strategy/types.js';
import type { JobGroup } from '../../core/types.js';
import { isUniqueViolation } from '../../store/isUniqueViolation.js';
import { getJobGroup } from '../../store/jobGroups/getJobGroup.js';
import { findExistingReferenceIds } from '../../store/jobs/findExistingReferenceIds.js';
import type { ServiceDeps } from '../deps.js';
import { createJobRowBuilder } from '../jobRows.js';
import { storeNewJobs } from '../storeNewJobs.js';

/** A validated row waiting to be stored, with the line it came from. */
export interface PendingJob {
  line: number;
  job: ParsedJob;
}

export interface StoredChunk {
  /** Ids of the stored jobs, in chunk order. */
  jobIds: string[];
  /** Jobs left out because the group already holds their referenceId. */
  taken: PendingJob[];
}

/** Another writer storing the same referenceId between our check and our insert: check again and retry. */
const ATTEMPTS = 3;

/**
 * Stores one chunk of jobs in one transaction, leaving out those whose referenceId the group already holds,
 * and moves the group Draft|Completed → Scheduling when it stored any. Throws VALIDATION_FAILED when the group
 * was cancelled meanwhile.
 */
export async function storeJobChunk(
  deps: ServiceDeps,
  c: { group: JobGroup; override: Strategy | null; chunk: readonly PendingJob[] },
): Promise<StoredChunk> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const group = await getJobGroup(trx, c.group.id);
        if (!group || group.status === 'Cancelled') {
          throw new OutdialError('VALIDATION_FAILED', `jobGroupId: job group ${c.group.id} was cancelled`, {
            field: 'jobGroupId',
          });
        }
        const existing = new Set(
          await findExistingReferenceIds(
            trx,
            group.id,
            c.chunk.map((p) => p.job.referenceId),
          ),
        );
        const now = deps.clock.now();
        const buildRow = createJobRowBuilder({ group, override: c.override, now, newId: deps.newId });
        const taken: PendingJob[] = [];
        const rows = [];
        for (const p of c.chunk) {
          if (existing.has(p.job.referenceId)) taken.push(p);
          else rows.push(buildRow(p.job));
        }
        if (rows.length > 0) {
          await storeNewJobs(trx, deps, { jobGroupId: group.id, rows, now });
        }
        return { jobIds: rows.map((r) => r.id), taken };
      });
    } catch (error) {
      if (attempt >= ATTEMPTS || !isUniqueViolation(error)) throw error;
    }
  }
}
