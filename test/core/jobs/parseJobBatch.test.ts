import { describe, expect, it } from 'vitest';
import { OutdialError } from '../../../src/core/errors.js';
import { parseJobBatch } from '../../../src/core/jobs/parseJobBatch.js';

const CN = { defaultCountry: 'CN' } as const;

function job(referenceId: string, phoneNumber = '13800138000'): unknown {
  return { contacts: [{ phoneNumber, referenceId }] };
}

function errorOf(inputs: unknown[]): OutdialError {
  try {
    parseJobBatch(inputs, CN);
  } catch (error) {
    expect(error).toBeInstanceOf(OutdialError);
    return error as OutdialError;
  }
  throw new Error('expected parseJobBatch to throw');
}

describe('parseJobBatch', () => {
  it('parses every element, objects and JSON strings alike, in order', () => {
    const { jobs } = parseJobBatch(
      [job('a'), JSON.stringify(job('b', '021-1234-5678')), job('c', '+1 650 253 0000')],
      CN,
    );
    expect(jobs.map((j) => [j.referenceId, j.contacts[0]!.e164])).toEqual([
      ['a', '+8613800138000'],
      ['b', '+862112345678'],
      ['c', '+16502530000'],
    ]);
  });

  it('accepts an empty batch', () => {
    expect(parseJobBatch([], CN)).toEqual({ jobs: [] });
  });

  it('rejects a referenceId repeated within the batch, naming both positions', () => {
    const error = errorOf([job('a'), job('b'), job('a', '13900139000')]);
    expect(error.code).toBe('DUPLICATE_REFERENCE_ID');
    expect(error.details).toMatchObject({ field: 'jobs[2].referenceId', firstIndex: 0, value: 'a' });
    expect(error.message).toBe("jobs[2].referenceId: duplicate referenceId 'a' (first at jobs[0])");
  });

  it('sees duplicates whether the referenceId is top-level or the contact’s', () => {
    const error = errorOf([job('a'), { referenceId: 'a', contacts: [{ phoneNumber: '13900139000' }] }]);
    expect(error.details.field).toBe('jobs[1].referenceId');
  });

  it('throws the first bad element’s error, with its index in the field', () => {
    const error = errorOf([job('a'), job('b', '12345'), { contacts: [] }]);
    expect(error.code).toBe('INVALID_PHONE_NUMBER');
    expect(error.details).toEqual({ field: 'jobs[1].contacts[0].phoneNumber', value: '12345' });
  });

  it('rejects a batch that is not an array', () => {
    expect(errorOf('nope' as unknown as unknown[]).details.field).toBe('jobs');
  });
});
