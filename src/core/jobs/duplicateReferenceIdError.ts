import { OutdialError } from '../errors.js';

/** The error for jobs[index] repeating the referenceId first seen at jobs[firstIndex]. */
export function duplicateReferenceIdError(index: number, referenceId: string, firstIndex: number): OutdialError {
  const field = `jobs[${index}].referenceId`;
  return new OutdialError(
    'DUPLICATE_REFERENCE_ID',
    `${field}: duplicate referenceId '${referenceId}' (first at jobs[${firstIndex}])`,
    { field, firstIndex, firstField: `jobs[${firstIndex}].referenceId`, value: referenceId },
  );
}
