import { describe, expect, it } from 'vitest';
import { OutdialError } from '../../../src/core/errors.js';
import { parseRecallStrategy } from '../../../src/core/strategy/parseRecallStrategy.js';
import type { RecallStrategy } from '../../../src/core/strategy/types.js';

const none: RecallStrategy = { emptyNumberIgnore: false, inArrearsIgnore: false, outOfServiceIgnore: false };
const all: RecallStrategy = { emptyNumberIgnore: true, inArrearsIgnore: true, outOfServiceIgnore: true };

describe('parseRecallStrategy', () => {
  const good: [string, unknown, RecallStrategy][] = [
    ['seed 000 可用示例', { emptyNumberIgnore: true, inArrearsIgnore: true, outOfServiceIgnore: true }, all],
    [
      'as a JSON string',
      '{"emptyNumberIgnore":true,"inArrearsIgnore":false,"outOfServiceIgnore":true}',
      { ...all, inArrearsIgnore: false },
    ],
    ['undefined', undefined, none],
    ['null', null, none],
    ['empty string', '', none],
    ['blank string', '   ', none],
    ['empty object', {}, none],
    [
      'string booleans, any case',
      { emptyNumberIgnore: 'TRUE', inArrearsIgnore: 'false', outOfServiceIgnore: ' true ' },
      { ...all, inArrearsIgnore: false },
    ],
    ['capitalised keys', { EmptyNumberIgnore: true }, { ...none, emptyNumberIgnore: true }],
    ['null flags and unknown keys', { emptyNumberIgnore: null, vendorFlag: 1 }, none],
  ];
  for (const [title, input, expected] of good) {
    it(title, () => expect(parseRecallStrategy(input)).toEqual(expected));
  }

  const bad: [string, unknown, string][] = [
    ['a number flag', { emptyNumberIgnore: 1 }, 'recallStrategy.emptyNumberIgnore'],
    ['a word flag', { inArrearsIgnore: 'yes' }, 'recallStrategy.inArrearsIgnore'],
    ['an object flag', { outOfServiceIgnore: {} }, 'recallStrategy.outOfServiceIgnore'],
    ['not JSON', '{emptyNumberIgnore: true}', 'recallStrategy'],
    ['an array', [true], 'recallStrategy'],
    ['a number', 3, 'recallStrategy'],
  ];
  for (const [title, input, field] of bad) {
    it(`rejects ${title}`, () => {
      let error: unknown;
      try {
        parseRecallStrategy(input);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OutdialError);
      const e = error as OutdialError;
      expect(e.code).toBe('INVALID_STRATEGY');
      expect(e.details.field).toBe(field);
      expect(e.message.startsWith(`${field}: `)).toBe(true);
    });
  }

  it('uses the given path', () => {
    expect(() => parseRecallStrategy({ inArrearsIgnore: 0 }, 'group.recall')).toThrow(
      /^group\.recall\.inArrearsIgnore: /,
    );
  });
});
