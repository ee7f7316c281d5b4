import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, parsePath } from '../../../src/robot/script/issues.js';

describe('formatPath', () => {
  it('writes keys with dots, list indexes in brackets and odd keys quoted', () => {
    expect(formatPath(['nodes', 'greet', 'branches', 1, 'goto'])).toBe('nodes.greet.branches[1].goto');
    expect(formatPath(['nodes', 'say hi', 'type'])).toBe('nodes["say hi"].type');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath([])).toBe('');
  });

  it('is undone by parsePath for any keys and indexes', () => {
    const segment = fc.oneof(fc.string(), fc.nat(), fc.constantFrom('nodes', 'greet-2', 'set', '客户'));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        expect(parsePath(formatPath(segments))).toEqual(segments);
      }),
    );
  });
});
