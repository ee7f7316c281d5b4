import { invalidField, OutdialError } from '../errors.js';
import { duplicateReferenceIdError } from './duplicateReferenceIdError.js';
import { type ParsedJob, type ParseJobOptions, parseJobInput } from './parseJobInput.js';

/** One bad row of a batch, for a per-row report. */
export interface JobBatchError {
  /** The element's index in the batch. */
  index: number;
  code: string;
  /** The field as the caller wrote it, e.g. `jobs[3].contacts[0].phoneNumber`. */
  field: string;
  message: string;
}

function toRow(index: number, error: OutdialError): JobBatchError {
  const field = typeof error.details.field === 'string' ? error.details.field : `jobs[${index}]`;
  return { index, code: error.code, field, message: error.message };
}

/**
 * Like parseJobBatch, but reports every bad row instead of stopping at the first (a CSV upload wants all of
 * them): `jobs` holds the valid jobs in input order, `errors` one entry per rejected element. A job repeating
 * an earlier valid job's referenceId is rejected; the earlier one is kept.
 */
export function collectJobBatchErrors(
  inputs: unknown[],
  opts: ParseJobOptions,
): { jobs: ParsedJob[]; errors: JobBatchError[] } {
  if (!Array.isArray(inputs)) throw invalidField('jobs', 'must be an array');
  const jobs: ParsedJob[] = [];
  const errors: JobBatchError[] = [];
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < inputs.length; i++) {
    let job: ParsedJob;
    try {
      job = parseJobInput(inputs[i], `jobs[${i}]`, opts);
    } catch (error) {
      if (!(error instanceof OutdialError)) throw error;
      errors.push(toRow(i, error));
      continue;
    }
    const first = firstIndex.get(job.referenceId);
    if (first !== undefined) {
      errors.push(toRow(i, duplicateReferenceIdError(i, job.referenceId, first)));
      continue;
    }
    firstIndex.set(job.referenceId, i);
    jobs.push(job);
  }
  return { jobs, errors };
}
