import { describe, expect, it } from 'vitest';
import { OutdialError } from '../../../src/core/errors.js';
import { type ParsedJob, parseJobInput } from '../../../src/core/jobs/parseJobInput.js';

const CN = { defaultCountry: 'CN' } as const;

function parse(input: unknown, path = 'jobs[0]'): ParsedJob {
  return parseJobInput(input, path, CN);
}

function errorOf(input: unknown, path = 'jobs[0]'): OutdialError {
  try {
    parse(input, path);
  } catch (error) {
    expect(error).toBeInstanceOf(OutdialError);
    return error as OutdialError;
  }
  throw new Error('expected parseJobInput to throw');
}

/** Seed 000, AssignJobs JobsJson "可用示例", verbatim. */
const SEED_000_USABLE = `{
								"extras":[
									{
										"value":"wwh",
										"key":"name"
									}
								],
								"contacts":[
									{
										"phoneNumber":"17355385975",
										"name":"",
										"referenceId":"01",
										"honorific":""
									}
								]
							}`;

/**
 * Seed 000, "JobsJson参数说明", without its // comments and trailing comma (which make it not JSON).
 * Its phone number is masked in the seed.
 */
const SEED_000_EXPLAINED = {
  extras: [
    { value: '2019-08-21 09:49:59.0', key: 'businessParamOne' },
    { value: '办理事件', key: 'businessParamTwo' },
  ],
  contacts: [{ phoneNumber: '1851*******', name: '张三', referenceId: '01', honorific: '张先生' }],
};

/** Seed 001 createJobsJson(): what fastjson's JSON.toJSONString(job) gives, with a UUID referenceId. */
function seed001JobsJson(phoneNumber: string): string {
  const contact = {
    phoneNumber,
    honorific: '张先生',
    name: '张三',
    referenceId: '6f1c2b9e-3d4a-4f5b-9c8d-7e6f5a4b3c2d',
  };
  const extras = [
    { key: '自定义参数1', value: '1' },
    { key: '自定义参数2', value: '2' },
  ];
  return JSON.stringify({ contacts: [contact], extras });
}

describe('parseJobInput: the seeds', () => {
  it("seed 000's usable example, as the JSON string AssignJobs carries", () => {
    expect(parse(SEED_000_USABLE)).toEqual({
      referenceId: '01',
      contacts: [{ phoneNumber: '17355385975', e164: '+8617355385975', name: '', honorific: '', referenceId: '01' }],
      extras: [{ key: 'name', value: 'wwh' }],
      priority: 50,
      timeZone: null,
    });
  });

  it("seed 000's usable example as an object gives the same job", () => {
    expect(parse(JSON.parse(SEED_000_USABLE))).toEqual(parse(SEED_000_USABLE));
  });

  it("seed 000's explained example: the masked number is rejected, a real one is accepted", () => {
    const error = errorOf(SEED_000_EXPLAINED);
    expect(error.code).toBe('INVALID_PHONE_NUMBER');
    expect(error.details).toEqual({ field: 'jobs[0].contacts[0].phoneNumber', value: '1851*******' });

    const job = parse({
      ...SEED_000_EXPLAINED,
      contacts: [{ ...SEED_000_EXPLAINED.contacts[0], phoneNumber: '18512345678' }],
    });
    expect(job).toEqual({
      referenceId: '01',
      contacts: [
        { phoneNumber: '18512345678', e164: '+8618512345678', name: '张三', honorific: '张先生', referenceId: '01' },
      ],
      extras: [
        { key: 'businessParamOne', value: '2019-08-21 09:49:59.0' },
        { key: 'businessParamTwo', value: '办理事件' },
      ],
      priority: 50,
      timeZone: null,
    });
  });

  it("seed 001's createJobsJson shape: referenceId comes from the contact", () => {
    const job = parse(seed001JobsJson('135 1234 5678'));
    expect(job.referenceId).toBe('6f1c2b9e-3d4a-4f5b-9c8d-7e6f5a4b3c2d');
    expect(job.contacts).toEqual([
      {
        phoneNumber: '135 1234 5678',
        e164: '+8613512345678',
        name: '张三',
        honorific: '张先生',
        referenceId: '6f1c2b9e-3d4a-4f5b-9c8d-7e6f5a4b3c2d',
      },
    ]);
    expect(job.extras).toEqual([
      { key: '自定义参数1', value: '1' },
      { key: '自定义参数2', value: '2' },
    ]);
    expect(errorOf(seed001JobsJson('135*********')).details.field).toBe('jobs[0].contacts[0].phoneNumber');
  });
});

describe('parseJobInput: accepted variations', () => {
  const contact = { phoneNumber: '13800138000', referenceId: 'r1' };

  it.each(['phonenumber', 'PhoneNumber', 'PHONENUMBER'])('accepts the phone number key spelled %s', (key) => {
    const job = parse({ contacts: [{ [key]: '13800138000', referenceId: 'r1' }] });
    expect(job.contacts[0]!.e164).toBe('+8613800138000');
  });

  it('keeps the phone number as written beside its E.164 form', () => {
    const job = parse({ contacts: [{ phoneNumber: '(+86) 138-0013-8000', referenceId: 'r1' }] });
    expect(job.contacts[0]!.phoneNumber).toBe('(+86) 138-0013-8000');
    expect(job.contacts[0]!.e164).toBe('+8613800138000');
  });

  it('prefers a top-level referenceId and gives it to contacts without their own', () => {
    const job = parse({
      referenceId: 'job-1',
      contacts: [{ phoneNumber: '13800138000' }, { phoneNumber: '02112345678', referenceId: 'c2' }],
    });
    expect(job.referenceId).toBe('job-1');
    expect(job.contacts.map((c) => c.referenceId)).toEqual(['job-1', 'c2']);
  });

  it('fills defaults and ignores unknown keys', () => {
    const job = parse({ contacts: [{ ...contact, role: 'x' }], somethingElse: 1, extras: null, timeZone: '' });
    expect(job).toMatchObject({ priority: 50, timeZone: null, extras: [] });
    expect(job.contacts[0]).toEqual({
      phoneNumber: '13800138000',
      e164: '+8613800138000',
      name: '',
      honorific: '',
      referenceId: 'r1',
    });
  });

  it('coerces extra values to strings', () => {
    const job = parse({
      contacts: [contact],
      extras: [
        { key: 'n', value: 12.5 },
        { key: 'b', value: true },
        { key: 'f', value: false },
        { key: 'e', value: null },
        { key: 's', value: '' },
      ],
    });
    expect(job.extras).toEqual([
      { key: 'n', value: '12.5' },
      { key: 'b', value: 'true' },
      { key: 'f', value: 'false' },
      { key: 'e', value: '' },
      { key: 's', value: '' },
    ]);
  });

  it('takes priority and timeZone', () => {
    expect(parse({ contacts: [contact], priority: 0, timeZone: 'Asia/Shanghai' })).toMatchObject({
      priority: 0,
      timeZone: 'Asia/Shanghai',
    });
    expect(parse({ contacts: [contact], priority: 100 }).priority).toBe(100);
  });

  it('accepts a referenceId of exactly 128 characters', () => {
    expect(
      parse({ contacts: [{ phoneNumber: '13800138000', referenceId: 'x'.repeat(128) }] }).referenceId,
    ).toHaveLength(128);
  });
});

describe('parseJobInput: rejected inputs name the field', () => {
  const ok = { phoneNumber: '13800138000', referenceId: 'r1' };
  const cases: [string, unknown, string, string][] = [
    // phone numbers that are not
    [
      'letters',
      { contacts: [{ ...ok, phoneNumber: 'abc' }] },
      'INVALID_PHONE_NUMBER',
      'jobs[0].contacts[0].phoneNumber',
    ],
    [
      '12345',
      { contacts: [{ ...ok, phoneNumber: '12345' }] },
      'INVALID_PHONE_NUMBER',
      'jobs[0].contacts[0].phoneNumber',
    ],
    [
      'empty string',
      { contacts: [{ ...ok, phoneNumber: '' }] },
      'INVALID_PHONE_NUMBER',
      'jobs[0].contacts[0].phoneNumber',
    ],
    [
      'number type',
      { contacts: [{ ...ok, phoneNumber: 17355385975 }] },
      'INVALID_PHONE_NUMBER',
      'jobs[0].contacts[0].phoneNumber',
    ],
    ['missing', { contacts: [{ referenceId: 'r1' }] }, 'INVALID_PHONE_NUMBER', 'jobs[0].contacts[0].phoneNumber'],
    [
      'second contact',
      { contacts: [ok, { phoneNumber: '1234' }] },
      'INVALID_PHONE_NUMBER',
      'jobs[0].contacts[1].phoneNumber',
    ],
    // contacts
    ['empty contacts', { contacts: [] }, 'VALIDATION_FAILED', 'jobs[0].contacts'],
    ['missing contacts', { extras: [] }, 'VALIDATION_FAILED', 'jobs[0].contacts'],
    ['contacts not an array', { contacts: ok }, 'VALIDATION_FAILED', 'jobs[0].contacts'],
    ['contact not an object', { contacts: ['13800138000'] }, 'VALIDATION_FAILED', 'jobs[0].contacts[0]'],
    ['contact name not a string', { contacts: [{ ...ok, name: 5 }] }, 'VALIDATION_FAILED', 'jobs[0].contacts[0].name'],
    [
      'honorific not a string',
      { contacts: [{ ...ok, honorific: {} }] },
      'VALIDATION_FAILED',
      'jobs[0].contacts[0].honorific',
    ],
    // referenceId
    [
      'no referenceId anywhere',
      { contacts: [{ phoneNumber: '13800138000' }] },
      'VALIDATION_FAILED',
      'jobs[0].contacts[0].referenceId',
    ],
    [
      'empty referenceIds',
      { referenceId: '', contacts: [{ phoneNumber: '13800138000', referenceId: '' }] },
      'VALIDATION_FAILED',
      'jobs[0].contacts[0].referenceId',
    ],
    [
      'top-level referenceId too long',
      { referenceId: 'x'.repeat(129), contacts: [ok] },
      'VALIDATION_FAILED',
      'jobs[0].referenceId',
    ],
    [
      'contact referenceId too long',
      { contacts: [{ ...ok, referenceId: 'x'.repeat(129) }] },
      'VALIDATION_FAILED',
      'jobs[0].contacts[0].referenceId',
    ],
    ['referenceId a number', { referenceId: 1, contacts: [ok] }, 'VALIDATION_FAILED', 'jobs[0].referenceId'],
    // extras
    [
      'duplicate extra key',
      {
        contacts: [ok],
        extras: [
          { key: 'a', value: '1' },
          { key: 'b', value: '2' },
          { key: 'a', value: '3' },
        ],
      },
      'VALIDATION_FAILED',
      'jobs[0].extras[2].key',
    ],
    [
      'empty extra key',
      { contacts: [ok], extras: [{ key: '', value: '1' }] },
      'VALIDATION_FAILED',
      'jobs[0].extras[0].key',
    ],
    ['missing extra key', { contacts: [ok], extras: [{ value: '1' }] }, 'VALIDATION_FAILED', 'jobs[0].extras[0].key'],
    [
      'object extra value',
      { contacts: [ok], extras: [{ key: 'a', value: {} }] },
      'VALIDATION_FAILED',
      'jobs[0].extras[0].value',
    ],
    ['extras not an array', { contacts: [ok], extras: { a: '1' } }, 'VALIDATION_FAILED', 'jobs[0].extras'],
    ['extra not an object', { contacts: [ok], extras: ['a'] }, 'VALIDATION_FAILED', 'jobs[0].extras[0]'],
    // priority, timeZone
    ['priority too high', { contacts: [ok], priority: 101 }, 'VALIDATION_FAILED', 'jobs[0].priority'],
    ['priority negative', { contacts: [ok], priority: -1 }, 'VALIDATION_FAILED', 'jobs[0].priority'],
    ['priority fractional', { contacts: [ok], priority: 1.5 }, 'VALIDATION_FAILED', 'jobs[0].priority'],
    ['priority a string', { contacts: [ok], priority: '5' }, 'VALIDATION_FAILED', 'jobs[0].priority'],
    ['bad time zone', { contacts: [ok], timeZone: 'Mars/Olympus_Mons' }, 'VALIDATION_FAILED', 'jobs[0].timeZone'],
    ['offset is not a zone', { contacts: [ok], timeZone: '+08:00' }, 'VALIDATION_FAILED', 'jobs[0].timeZone'],
    ['time zone a number', { contacts: [ok], timeZone: 8 }, 'VALIDATION_FAILED', 'jobs[0].timeZone'],
    // the job itself
    ['not JSON', '{"contacts": [', 'VALIDATION_FAILED', 'jobs[0]'],
    ['JSON array', '[]', 'VALIDATION_FAILED', 'jobs[0]'],
    ['null', null, 'VALIDATION_FAILED', 'jobs[0]'],
    ['a number', 42, 'VALIDATION_FAILED', 'jobs[0]'],
  ];

  it.each(cases)('%s', (_name, input, code, field) => {
    const error = errorOf(input);
    expect(error.code).toBe(code);
    expect(error.details.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
  });

  it('keeps the rejected phone number in details.value', () => {
    expect(errorOf({ contacts: [{ ...ok, phoneNumber: '12345' }] }).details).toEqual({
      field: 'jobs[0].contacts[0].phoneNumber',
      value: '12345',
    });
    expect(errorOf({ contacts: [{ ...ok, phoneNumber: 17355385975 }] }).details.value).toBe(17355385975);
  });

  it('names the duplicate extra key and its first position', () => {
    const error = errorOf({
      contacts: [ok],
      extras: [
        { key: 'a', value: '1' },
        { key: 'a', value: '2' },
      ],
    });
    expect(error.message).toBe("jobs[0].extras[1].key: duplicate key 'a' (first at jobs[0].extras[0])");
  });

  it('finds duplicate keys among many extras too', () => {
    const extras = Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, value: String(i) }));
    extras.push({ key: 'k7', value: 'again' });
    expect(parse({ contacts: [ok], extras: extras.slice(0, 40) }).extras).toHaveLength(40);
    const error = errorOf({ contacts: [ok], extras });
    expect(error.details.field).toBe('jobs[0].extras[40].key');
    expect(error.message).toContain('first at jobs[0].extras[7]');
  });

  it('prefixes fields with the given path', () => {
    expect(errorOf({ contacts: [] }, 'row 7').details.field).toBe('row 7.contacts');
  });
});
