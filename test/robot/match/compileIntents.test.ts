import { describe, expect, it } from 'vitest';
import { RobotError } from '../../../src/robot/errors.js';
import { compileIntents } from '../../../src/robot/match/compileIntents.js';
import { buildIntents } from './buildIntents.js';

const en = (input: Parameters<typeof buildIntents>[0], exampleThreshold = 0.6) =>
  compileIntents(buildIntents(input), { language: 'en', exampleThreshold });
const text = (value: string) => ({ kind: 'text', text: value }) as const;
const dtmf = (digits: string) => ({ kind: 'dtmf', digits }) as const;

describe('compileIntents', () => {
  describe('DTMF', () => {
    const matcher = en({ yes: { dtmf: ['1'], keywords: ['1'] }, no: { dtmf: ['2', '9#'] }, star: { dtmf: ['*'] } });

    it('matches keyed digits equal to one of an intent’s strings', () => {
      expect(matcher.match(dtmf('1'), ['yes', 'no'])).toMatchObject({ intent: 'yes', how: 'dtmf', words: ['1'] });
      expect(matcher.match(dtmf('9#'), ['yes', 'no'])).toMatchObject({ intent: 'no', how: 'dtmf', words: ['9#'] });
      expect(matcher.match(dtmf('*'), ['star'])).toMatchObject({ intent: 'star', how: 'dtmf' });
    });

    it('does not match other digits, a prefix, or nothing keyed', () => {
      expect(matcher.match(dtmf('3'), ['yes', 'no'])).toBeNull();
      expect(matcher.match(dtmf('9'), ['no'])).toBeNull();
      expect(matcher.match(dtmf(''), ['yes', 'no'])).toBeNull();
    });

    it('is not matched by spoken digits, and keyed digits do not match keywords', () => {
      expect(matcher.match(text('2'), ['no'])).toBeNull();
      expect(matcher.match(text('1'), ['yes'])?.how).toBe('keyword');
    });
  });

  it('returns null for an empty or punctuation-only utterance', () => {
    const matcher = en({ any: { keywords: ['a'], regex: ['.*'], examples: ['a'] } });
    expect(matcher.match(text(''), ['any'])).toBeNull();
    expect(matcher.match(text('  …?! '), ['any'])).toBeNull();
  });

  it('returns null when no candidate is given', () => {
    expect(en({ yes: { keywords: ['yes'] } }).match(text('yes'), [])).toBeNull();
  });

  it('ignores candidates that are not intents', () => {
    const matcher = en({ yes: { keywords: ['yes'] } });
    expect(matcher.match(text('yes'), ['nope', 'yes'])?.intent).toBe('yes');
  });

  it('only considers the candidates given', () => {
    const matcher = en({ yes: { keywords: ['yes'] }, sure: { keywords: ['yes'] } });
    expect(matcher.match(text('yes'), ['sure'])?.intent).toBe('sure');
  });

  it('keeps candidate order on a tie', () => {
    const matcher = en({ first: { keywords: ['ok'] }, second: { keywords: ['ok'] } });
    expect(matcher.match(text('ok'), ['first', 'second'])?.intent).toBe('first');
    expect(matcher.match(text('ok'), ['second', 'first'])?.intent).toBe('second');
  });

  it('ranks kinds dtmf > exact > regex > allOf > keyword > example, whatever the candidate order', () => {
    const matcher = en({
      example: { examples: ['call me back later'] },
      keyword: { keywords: ['call me back later'] },
      allOf: { allOf: [['call', 'later']] },
      regex: { regex: ['call.*later'] },
      exact: { exact: ['call me back later'] },
    });
    const order = ['example', 'keyword', 'allOf', 'regex', 'exact'];
    const hits = (utterance: string, candidates: string[]) => matcher.match(text(utterance), candidates)?.intent;
    expect(hits('call me back later', order)).toBe('exact');
    expect(hits('call me back later', order.slice(0, 4))).toBe('regex');
    expect(hits('call me back later', order.slice(0, 3))).toBe('allOf');
    expect(hits('call me back later', order.slice(0, 2))).toBe('keyword');
    expect(hits('call me back later please', order.slice(0, 1))).toBe('example');
  });

  it('matches an exact phrase written with a contraction when the caller says it in full', () => {
    const matcher = en({ no: { exact: ["I'm not interested"] } });
    expect(matcher.match(text('I am not interested'), ['no'])).toMatchObject({ how: 'exact' });
  });

  it('reports the keyword, combination, phrase and example as the author wrote them', () => {
    const matcher = en({
      k: { keywords: ["Don't Want"] },
      a: { allOf: [['Call', 'Later']] },
      e: { exact: ['Wrong Number'] },
      x: { examples: ['Sounds Great'] },
    });
    expect(matcher.match(text('i do not want'), ['k'])?.words).toEqual(["Don't Want"]);
    expect(matcher.match(text('later call'), ['a'])?.words).toEqual(['Call', 'Later']);
    expect(matcher.match(text('wrong number'), ['e'])?.words).toEqual(['Wrong Number']);
    expect(matcher.match(text('sounds great'), ['x'])?.words).toEqual(['Sounds Great']);
  });

  describe('examples', () => {
    const intents = { busy: { examples: ['busy right now'] } };

    it('match when the similarity reaches the threshold', () => {
      expect(en(intents, 0.6).match(text('I am busy now'), ['busy'])?.how).toBe('example');
      expect(en(intents, 0.9).match(text('I am busy now'), ['busy'])).toBeNull();
      expect(en(intents, 0.9).match(text('busy right now'), ['busy'])?.how).toBe('example');
    });

    it('never match a reply of the opposite polarity, however many words it shares', () => {
      const matcher = en({
        free: { examples: ['I have time now'] },
        notFree: { examples: ['I do not have time now'] },
      });
      expect(matcher.match(text("I don't have time now"), ['free', 'notFree'])?.intent).toBe('notFree');
      expect(matcher.match(text("I don't have time now"), ['free'])).toBeNull();
      expect(matcher.match(text('yes I have time now'), ['notFree', 'free'])?.intent).toBe('free');
    });

    it('prefer the closer example', () => {
      const matcher = en({ later: { examples: ['call me later'] }, tomorrow: { examples: ['call me tomorrow'] } }, 0.3);
      expect(matcher.match(text('please call me tomorrow'), ['later', 'tomorrow'])?.intent).toBe('tomorrow');
      expect(matcher.match(text('please call me later'), ['tomorrow', 'later'])?.intent).toBe('later');
    });
  });

  it('returns the same result when asked again (no state between calls)', () => {
    const matcher = en({ amount: { regex: ['\\d+ dollars'] } });
    const first = matcher.match(text('100 dollars'), ['amount']);
    expect(matcher.match(text('100 dollars'), ['amount'])).toEqual(first);
    expect(first?.words).toEqual(['100 dollars']);
  });

  it('rejects an invalid regex with a code naming the intent and the pattern', () => {
    const compile = () => en({ amount: { regex: ['\\d+', '(unclosed'] } });
    expect(compile).toThrow(RobotError);
    expect(compile).toThrow(expect.objectContaining({ code: 'INVALID_INTENT_REGEX' }));
    expect(compile).toThrow(/intents\.amount\.regex\[1\]/);
  });
});
