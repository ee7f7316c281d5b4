import { describe, expect, it } from 'vitest';
import { OutdialError } from '../../../src/core/errors.js';
import { parseCsvMapping } from '../../../src/service/importJobs/csvMapping.js';

function refusal(query: Record<string, unknown>): OutdialError {
  try {
    parseCsvMapping(query);
  } catch (e) {
    if (e instanceof OutdialError) return e;
    throw e;
  }
  throw new Error('expected the mapping to be refused');
}

describe('a CSV mapping read from a query string', () => {
  it('defaults to the column named phoneNumber and leaves the other fields to their defaults', () => {
    expect(parseCsvMapping({})).toEqual({ phoneNumber: 'phoneNumber' });
  });

  it('names columns, extras and the delimiter', () => {
    expect(
      parseCsvMapping({
        'map.phoneNumber': ' 手机号 ',
        'map.referenceId': '客户编号',
        'map.name': '姓名',
        'map.honorific': '称呼',
        'map.timeZone': 'zone',
        'map.priority': 'prio',
        extras: '地址, 备注',
        delimiter: ';',
      }),
    ).toEqual({
      phoneNumber: '手机号',
      referenceId: '客户编号',
      name: '姓名',
      honorific: '称呼',
      timeZone: 'zone',
      priority: 'prio',
      extras: ['地址', '备注'],
      delimiter: ';',
    });
  });

  it('reads extras as every other column, none, or a list', () => {
    expect(parseCsvMapping({ extras: '*' }).extras).toBe('*');
    expect(parseCsvMapping({ extras: '' }).extras).toEqual([]);
    expect(parseCsvMapping({ extras: 'a' }).extras).toEqual(['a']);
  });

  it('takes a tab as a tab character or the word tab', () => {
    expect(parseCsvMapping({ delimiter: '\t' }).delimiter).toBe('\t');
    expect(parseCsvMapping({ delimiter: 'tab' }).delimiter).toBe('\t');
    expect(parseCsvMapping({ delimiter: ',' }).delimiter).toBe(',');
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['an unknown parameter', { 'map.phone': 'x' }, 'map.phone'],
    ['a misspelt parameter', { extra: '*' }, 'extra'],
    ['an empty column name', { 'map.name': '  ' }, 'map.name'],
    ['a parameter given twice', { 'map.phoneNumber': ['a', 'b'] }, 'map.phoneNumber'],
    ['an unsupported delimiter', { delimiter: '|' }, 'delimiter'],
    ['an extras list naming a column twice', { extras: 'a,b,A' }, 'extras'],
    ['an extras list with an empty name', { extras: 'a,,b' }, 'extras'],
  ];
  for (const [what, query, field] of bad) {
    it(`refuses ${what}, naming it`, () => {
      const e = refusal(query);
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.details.field).toBe(field);
      expect(e.message).toContain(field);
    });
  }
});
