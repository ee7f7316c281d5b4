import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/robot/match/tokenize.js';

describe('normalize', () => {
  it.each([
    ['full-width letters, digits and punctuation become plain', 'Ｗｈａｔ？１２３！', 'what 123'],
    ['lower case', 'Not INTERESTED', 'not interested'],
    ['whitespace collapses', '  yes \t\n please  ', 'yes please'],
    ['ASCII punctuation goes', 'yes, please... (really)!', 'yes please really'],
    ['CJK punctuation goes and Chinese clauses join', '好的，没问题！', '好的没问题'],
    ['quotes, ellipsis and dashes go', '“好的”……没问题——', '好的没问题'],
    ['enumeration comma and colon go', '一、二：三；', '一二三'],
    ['an apostrophe inside a word goes without a gap', 'Don’t', 'dont'],
    ['digits are kept, thousands separators dropped', '我借了1,000元', '我借了1000元'],
    ['a decimal point is kept', '利息3.5%', '利息3.5'],
    ['Chinese numerals are left as written', '一百五十块', '一百五十块'],
    ['Latin words between Chinese keep their spaces', 'call me 我在开会 ok', 'call me 我在开会 ok'],
    ['punctuation only gives the empty string', '？？！。', ''],
  ])('%s', (_, text, expected) => {
    expect(normalize(text)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const text of ['Ｉ’m ＢＵＳＹ，call later!', '我不需要，谢谢。', '1,000.50 dollars']) {
      expect(normalize(normalize(text))).toBe(normalize(text));
    }
  });
});
