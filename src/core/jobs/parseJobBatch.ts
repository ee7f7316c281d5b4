import { invalidField } from '../errors.js';
import { duplicateReferenceIdError } from './duplicateReferenceIdError.js';
import { type ParsedJob, type ParseJobOptions, parseJobInput } from './parseJobInput.js';

/**
 * Validates a batch of jobs (AssignJobs `JobsJson.N`, an import): every element with parseJobInput (path
 * `jobs[i]`), and no two jobs with the same referenceId. Throws the first error found.
 */
export function parseJobBatch(inputs: unknown[], opts: ParseJobOptions): { jobs: ParsedJob[] } {
  if (!Array.isArray(inputs)) throw invalidField('jobs', 'must be an array');
  const jobs: ParsedJob[] = new Array(inputs.length);
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < inputs.length; i++) {
    const job = parseJobInput(inputs[i], `jobs[${i}]`, opts);
    const first = firstIndex.get(job.referenceId);
    if (first !== undefined) throw duplicateReferenceIdError(i, job.referenceId, first);
    firstIndex.set(job.referenceId, i);
    jobs[i] = job;
  }
  return { jobs };
}
