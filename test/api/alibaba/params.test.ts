import { describe, expect, it } from 'vitest';
import { AlibabaError } from '../../../src/api/alibaba/errors.js';
import {
  commaList,
  jsonParam,
  mergeParams,
  optionalBool,
  optionalInt,
  optionalString,
  type RpcParams,
  repeatList,
  repeatObjects,
  required,
} from '../../../src/api/alibaba/params.js';

function refusal(f: () => unknown): AlibabaError {
  try {
    f();
  } catch (e) {
    if (e instanceof AlibabaError) return e;
    throw e;
  }
  throw new Error('expected the parameter to be refused');
}

const params = (o: Record<string, string>): RpcParams => mergeParams(o, {});

describe('mergeParams', () => {
  it('merges the query string and the form body', () => {
    const p = mergeParams({ Action: 'DescribeJob', Version: '2019-12-26' }, { InstanceId: 'i', JobId: 'j' });
    expect({ ...p }).toEqual({ Action: 'DescribeJob', Version: '2019-12-26', InstanceId: 'i', JobId: 'j' });
  });

  it('accepts a key given twice with the same value, and refuses different values naming the key', () => {
    expect(mergeParams({ JobId: 'j' }, { JobId: 'j' }).JobId).toBe('j');
    expect(mergeParams({ JobId: ['j', 'j'] }, {}).JobId).toBe('j');
    const across = refusal(() => mergeParams({ JobId: 'a' }, { JobId: 'b' }));
    expect([across.httpStatus, across.code]).toEqual([400, 'InvalidParameter']);
    expect(across.message).toContain('"JobId"');
    expect(refusal(() => mergeParams({ JobId: ['a', 'b'] }, {})).message).toContain('"JobId"');
  });

  it('treats a parameter named like an Object method as just a parameter', () => {
    const p = mergeParams(JSON.parse('{"constructor":"x","__proto__":"y"}'), {});
    expect(optionalString(p, 'toString')).toBeUndefined();
    expect(optionalString(p, 'constructor')).toBe('x');
    expect(required(p, '__proto__')).toBe('y');
  });
});

describe('readers refuse with the vendor codes, naming the parameter', () => {
  it('required: absent or empty is Missing{Name}; odd names get MissingParameter', () => {
    const p = params({ InstanceId: 'i', JobGroupId: '' });
    expect(required(p, 'InstanceId')).toBe('i');
    for (const name of ['JobGroupId', 'JobId']) {
      const e = refusal(() => required(p, name));
      expect([e.httpStatus, e.code, e.message]).toEqual([
        400,
        `Missing${name}`,
        `${name} is mandatory for this action.`,
      ]);
    }
    const dotted = refusal(() => required(p, 'JobsJson.1'));
    expect([dotted.code, dotted.message]).toEqual([
      'MissingParameter',
      'The input parameter "JobsJson.1" that is mandatory for processing this request is not supplied.',
    ]);
  });

  it('optionalString keeps an empty value and leaves an absent one undefined', () => {
    const p = params({ ScenarioId: '' });
    expect(optionalString(p, 'ScenarioId')).toBe('');
    expect(optionalString(p, 'ScriptId')).toBeUndefined();
  });

  it('optionalInt: whole numbers within bounds', () => {
    const p = params({ PageSize: '50', PageNumber: '', Bad: '1.5', Big: '1000', Neg: '-3' });
    expect(optionalInt(p, 'PageSize', { min: 1, max: 100 })).toBe(50);
    expect(optionalInt(p, 'PageNumber')).toBeUndefined();
    expect(optionalInt(p, 'Absent')).toBeUndefined();
    expect(optionalInt(p, 'Neg')).toBe(-3);
    const fraction = refusal(() => optionalInt(p, 'Bad'));
    expect([fraction.code, fraction.message]).toEqual([
      'InvalidParameter',
      'The specified value of parameter "Bad" is not valid. It must be a whole number, got "1.5".',
    ]);
    expect(refusal(() => optionalInt(p, 'Big', { min: 1, max: 100 })).message).toContain('between 1 and 100');
    expect(refusal(() => optionalInt(p, 'Neg', { min: 0 })).message).toContain('of at least 0');
  });

  it('optionalBool: "true" / "false" in any case', () => {
    const p = params({ A: 'TRUE', B: 'false', C: '', D: 'yes' });
    expect([optionalBool(p, 'A'), optionalBool(p, 'B'), optionalBool(p, 'C'), optionalBool(p, 'X')]).toEqual([
      true,
      false,
      undefined,
      undefined,
    ]);
    expect(refusal(() => optionalBool(p, 'D')).message).toContain('"D"');
  });

  it('jsonParam parses, and a parse error is InvalidParameter naming it', () => {
    const p = params({ StrategyJson: '{"maxAttemptsPerDay":2}', Broken: '{"a":', Blank: ' ' });
    expect(jsonParam(p, 'StrategyJson')).toEqual({ maxAttemptsPerDay: 2 });
    expect(jsonParam(p, 'Blank')).toBeUndefined();
    const e = refusal(() => jsonParam(p, 'Broken'));
    expect([e.code, e.message.startsWith('The specified value of parameter "Broken" is not valid.')]).toEqual([
      'InvalidParameter',
      true,
    ]);
  });

  it('commaList splits and trims', () => {
    expect(commaList(params({ F: 'Scheduling, Failed,,Paused ' }), 'F')).toEqual(['Scheduling', 'Failed', 'Paused']);
    expect(commaList(params({}), 'F')).toEqual([]);
  });
});

describe('repeat lists', () => {
  it('reads Name.N in numeric order, not text order, ignoring Name.N.Sub keys', () => {
    const p = params({ 'JobId.10': 'j10', 'JobId.2': 'j2', 'JobId.1': 'j1', 'JobId.1.Extra': 'x', 'JobIdx.1': 'no' });
    expect(repeatList(p, 'JobId')).toEqual(['j1', 'j2', 'j10']);
    expect(repeatList(p, 'CallingNumber')).toEqual([]);
  });

  it('reads a JSON array in Name itself, as newer SDKs send it, and one plain value as a list of one', () => {
    const jobs = [{ contacts: [{ phoneNumber: '1' }] }, '{"contacts":[]}'];
    expect(repeatList(params({ JobsJson: JSON.stringify(jobs) }), 'JobsJson')).toEqual([
      '{"contacts":[{"phoneNumber":"1"}]}',
      '{"contacts":[]}',
    ]);
    expect(repeatList(params({ CallingNumber: '02100000001' }), 'CallingNumber')).toEqual(['02100000001']);
  });

  it('refuses both forms at once, and a malformed JSON array', () => {
    expect(refusal(() => repeatList(params({ JobId: '["a"]', 'JobId.1': 'b' }), 'JobId')).message).toContain('"JobId"');
    expect(refusal(() => repeatList(params({ JobId: '["a"' }), 'JobId')).code).toBe('InvalidParameter');
  });

  it('reads Name.N.Sub objects grouped by N, keeping nested Sub.M keys', () => {
    const p = params({
      'Contact.2.Name': 'b',
      'Contact.1.Name': 'a',
      'Contact.1.Phone': '1',
      'Contact.10.Name': 'j',
      'Contact.1.Tags.1': 't',
    });
    expect(repeatObjects(p, 'Contact')).toEqual([
      { Name: 'a', Phone: '1', 'Tags.1': 't' },
      { Name: 'b' },
      { Name: 'j' },
    ]);
  });

  it('reads a JSON array of objects in Name, values as text', () => {
    const p = params({ Labels: '[{"Name":"满意","Count":2,"On":true}]', Bad: '[1]' });
    expect(repeatObjects(p, 'Labels')).toEqual([{ Name: '满意', Count: '2', On: 'true' }]);
    expect(refusal(() => repeatObjects(p, 'Bad')).message).toContain('Element 1 must be an object');
  });
});
