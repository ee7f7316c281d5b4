import { describe, expect, it } from 'vitest';
import { compileIntents } from '../../../src/robot/match/compileIntents.js';
import type { MatchHow } from '../../../src/robot/match/types.js';
import { buildIntents } from './buildIntents.js';

const intents = buildIntents({
  interested: {
    semantic: 'positive',
    keywords: ['interested', 'sounds good', 'yes', 'sure'],
    examples: ['that sounds great tell me more'],
  },
  notInterested: { semantic: 'negative', keywords: ['not interested', 'no', 'no thanks', "don't want"] },
  busy: { keywords: ['busy', 'driving', 'in a meeting'], examples: ['busy right now'] },
  callBack: {
    allOf: [
      ['call', 'later'],
      ['call', 'tomorrow'],
    ],
  },
  price: { keywords: ['price', 'how much'] },
  wrongPerson: { exact: ['wrong number'], keywords: ['wrong person'], regex: ['^(this is )?not (him|her)$'] },
  optIn: { keywords: ['yes please'], dtmf: ['1'] },
  optOut: { dtmf: ['2', '9#'] },
  repeat: { exact: ['what', 'pardon'], keywords: ['say that again'] },
  amount: { regex: ['\\b\\d+ dollars?\\b'] },
  paid: { examples: ['I already paid last week'] },
  agree: { examples: ['that works fine for me'] },
});
const ALL = Object.keys(intents);
const matcher = compileIntents(intents, { language: 'en', exampleThreshold: 0.6 });
const say = (text: string, candidates: readonly string[] = ALL) => matcher.match({ kind: 'text', text }, candidates);

describe('compileIntents (en)', () => {
  it.each<[string, string, MatchHow, string[]]>([
    // negations: the longer phrase wins though `interested` comes first among the candidates
    ["I'm not interested.", 'notInterested', 'keyword', ['not interested']],
    ['I am NOT interested', 'notInterested', 'keyword', ['not interested']],
    ['Really interested!', 'interested', 'keyword', ['interested']],
    ['no', 'notInterested', 'keyword', ['no']],
    ['No thanks, bye', 'notInterested', 'keyword', ['no thanks']],
    // contractions match their expansion both ways
    ["I don't want it", 'notInterested', 'keyword', ["don't want"]],
    ['I do not want it', 'notInterested', 'keyword', ["don't want"]],
    ['I dont want it', 'notInterested', 'keyword', ["don't want"]],
    ['Sounds good to me', 'interested', 'keyword', ['sounds good']],
    ["I'M DRIVING", 'busy', 'keyword', ['driving']],
    ["I'm in a meeting", 'busy', 'keyword', ['in a meeting']],
    // plurals fold
    ['What are your prices?', 'price', 'keyword', ['price']],
    ['How much is it', 'price', 'keyword', ['how much']],
    // a longer keyword of another intent wins
    ['Yes please', 'optIn', 'keyword', ['yes please']],
    ['yes', 'interested', 'keyword', ['yes']],
    // all words of a combination, in any order, beat keywords
    ['Can you call me later?', 'callBack', 'allOf', ['call', 'later']],
    ["Tomorrow, call me. I'm busy now", 'callBack', 'allOf', ['call', 'tomorrow']],
    // exact: the whole utterance, whatever the case, width or punctuation
    ['Wrong number!!', 'wrongPerson', 'exact', ['wrong number']],
    ['Ｗｈａｔ？', 'repeat', 'exact', ['what']],
    ['Pardon?', 'repeat', 'exact', ['pardon']],
    ['Could you say that again', 'repeat', 'keyword', ['say that again']],
    // regexes run on the normalised utterance; words are what they matched
    ['This is not him.', 'wrongPerson', 'regex', ['this is not him']],
    ["I'd pay 200 dollars, no more", 'amount', 'regex', ['200 dollars']],
    ['I could pay 1,500 dollars', 'amount', 'regex', ['1500 dollars']],
    // examples: a paraphrase
    ['That sounds great, tell me more about it', 'interested', 'example', ['that sounds great tell me more']],
    ['I paid it last week already', 'paid', 'example', ['I already paid last week']],
    // `no problem` is not a negation
    ['No problem, that works fine for me', 'agree', 'example', ['that works fine for me']],
  ])('%j → %s by %s', (text, intent, how, words) => {
    expect(say(text)).toMatchObject({ intent, how, words });
  });

  it.each([
    ['a word inside another word', 'I know', ['notInterested']],
    ['a word inside another word', 'now', ['notInterested']],
    ['a negation word in an idiom that is not a negation', 'no problem', ['notInterested']],
    ['a keyword after a negation', "I'm not busy", ['busy']],
    ['a keyword after a negation', 'never interested', ['interested']],
    ['an exact phrase inside a longer reply', 'what did you say', ['repeat']],
    ['one word of a combination', 'just call me', ['callBack']],
    ['an example that is negated', 'that does not sound great', ['interested']],
    ['an example that is negated', 'I have not paid yet', ['paid']],
    ['an unrelated sentence', 'what is the weather like', ['paid', 'interested', 'busy']],
  ])('does not match %s: %j', (_, text, candidates) => {
    expect(say(text, candidates)).toBeNull();
  });

  it('prefers the negated phrase whichever comes first among the candidates', () => {
    expect(say("I'm not interested", ['notInterested', 'interested'])?.intent).toBe('notInterested');
    expect(say("I'm not interested", ['interested', 'notInterested'])?.intent).toBe('notInterested');
  });

  it('prefers a combination over a keyword of an earlier candidate', () => {
    expect(say('busy, call me later', ['busy', 'callBack'])?.intent).toBe('callBack');
  });
});
