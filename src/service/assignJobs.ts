import { OutdialError } from '../core/errors.js';
import { parseJobBatch } from '../core/jobs/parseJobBatch.js';
import { parseOptionalStrategy } from '../core/strategy/index.js';
import { isUniqueViolation } from '../store/isUniqueViolation.js';
import { getJobGroup } from '../store/jobGroups/getJobGroup.js';
import { findExistingReferenceIds } from '../store/jobs/findExistingReferenceIds.js';
import type { ServiceDeps } from './deps.js';
import { missingVariable, missingVariableError, requiredVariablesOf } from './jobGroups/requiredVariables.js';
import { createJobRowBuilder } from './jobRows.js';
import { storeNewJobs } from './storeNewJobs.js';

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
 * When the group has a script, every job must give (in extras) each variable the script declares
 * without a fallback: MISSING_VARIABLE names the first job and variable that does not.
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
  const required = await requiredVariablesOf(deps, group);
  if (required.length > 0) {
    jobs.forEach((job, i) => {
      const name = missingVariable(job.extras, required);
      if (name !== undefined) throw missingVariableError(`jobs[${i}]`, name);
    });
  }
  const now = deps.clock.now();
  const buildRow = createJobRowBuilder({ group, override, now, newId: deps.newId });
  const rows = jobs.map(buildRow);
  const jobIds = rows.map((r) => r.id);

  try {
    await deps.db.transaction().execute(async (trx) => {
      await storeNewJobs(trx, deps, { jobGroupId: group.id, rows, now });
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
