import { describe, expect, it } from 'vitest';
import { collectJobBatchErrors } from '../../../src/core/jobs/collectJobBatchErrors.js';

const CN = { defaultCountry: 'CN' } as const;

function job(referenceId: string, phoneNumber = '13800138000'): unknown {
  return { contacts: [{ phoneNumber, referenceId }] };
}

describe('collectJobBatchErrors', () => {
  it('reports every bad row and keeps the good ones', () => {
    const { jobs, errors } = collectJobBatchErrors(
      [
        job('a'),
        job('b', 'abc'),
        { contacts: [] },
        job('a', '13900139000'),
        { ...(job('c') as object), timeZone: 'Nowhere/Land' },
        '{"contacts": [',
        job('d', '12345'),
        job('e'),
      ],
      CN,
    );
    expect(jobs.map((j) => j.referenceId)).toEqual(['a', 'e']);
    expect(errors.map(({ index, code, field }) => ({ index, code, field }))).toEqual([
      { index: 1, code: 'INVALID_PHONE_NUMBER', field: 'jobs[1].contacts[0].phoneNumber' },
      { index: 2, code: 'VALIDATION_FAILED', field: 'jobs[2].contacts' },
      { index: 3, code: 'DUPLICATE_REFERENCE_ID', field: 'jobs[3].referenceId' },
      { index: 4, code: 'VALIDATION_FAILED', field: 'jobs[4].timeZone' },
      { index: 5, code: 'VALIDATION_FAILED', field: 'jobs[5]' },
      { index: 6, code: 'INVALID_PHONE_NUMBER', field: 'jobs[6].contacts[0].phoneNumber' },
    ]);
    expect(errors[2]!.message).toBe("jobs[3].referenceId: duplicate referenceId 'a' (first at jobs[0])");
    expect(errors[0]!.message).toBe('jobs[1].contacts[0].phoneNumber: contains letters');
  });

  it('does not count a rejected row as the first holder of its referenceId', () => {
    const { jobs, errors } = collectJobBatchErrors([job('a', '123'), job('a')], CN);
    expect(jobs.map((j) => j.referenceId)).toEqual(['a']);
    expect(errors.map((e) => e.index)).toEqual([0]);
  });

  it('gives no errors for a clean batch', () => {
    const { jobs, errors } = collectJobBatchErrors([job('a'), job('b')], CN);
    expect(jobs).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});
