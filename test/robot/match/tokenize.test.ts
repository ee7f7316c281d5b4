import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/robot/match/tokenize.js';

describe('tokenize (en)', () => {
  it.each([
    ["I'm not interested.", ['i', 'am', 'not', 'interested']],
    ["Don't call me, I can't talk", ['do', 'not', 'call', 'me', 'i', 'can', 'not', 'talk']],
    ["won't", ['will', 'not']],
    ["it's fine, that's ok", ['it', 'is', 'fine', 'that', 'is', 'ok']],
    [
      "we're sure they've said you'll call, I'd wait",
      ['we', 'are', 'sure', 'they', 'have', 'said', 'you', 'will', 'call', 'i', 'would', 'wait'],
    ],
    ['I DON’T KNOW', ['i', 'do', 'not', 'know']],
    ['dont cant', ['do', 'not', 'can', 'not']],
    ["my company's phone", ['my', 'company', 'phone']],
    ['call me at 3pm, 555-0100', ['call', 'me', 'at', '3pm', '555', '0100']],
    ['', []],
    ['?!', []],
  ])('%j', (text, expected) => {
    expect(tokenize(text, 'en')).toEqual(expected);
  });

  it('segments Chinese inside English text into words', () => {
    expect(tokenize('sorry 我不需要 thanks', 'en')).toEqual(['sorry', '我', '不', '需要', 'thanks']);
  });
});

describe('tokenize (zh)', () => {
  it.each([
    ['我不需要', ['我', '不', '需要']],
    ['我不需要，谢谢！', ['我', '不', '需要', '谢谢']],
    ['你们是哪个公司的？', ['你们', '是', '哪个', '公司', '的']],
    ['我要iphone15', ['我', '要', 'iphone15']],
    ['明天下午3点再打', ['明天', '下午', '3', '点', '再', '打']],
    ['利息3.5%', ['利息', '3.5']],
    ['嗯嗯 好的', ['嗯', '嗯', '好', '的']],
    ['', []],
  ])('%s', (text, expected) => {
    expect(tokenize(text, 'zh')).toEqual(expected);
  });

  it('keeps English words whole and expands their contractions', () => {
    expect(tokenize("OK 我don't know", 'zh')).toEqual(['ok', '我', 'do', 'not', 'know']);
  });

  it('segments a phrase the same way on its own and inside a sentence', () => {
    expect(tokenize('不需要', 'zh')).toEqual(['不', '需要']);
    expect(tokenize('现在不需要了', 'zh').join('|')).toContain('不|需要');
  });
});
