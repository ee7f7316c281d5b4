import { describe, expect, it } from 'vitest';
import { compileIntents } from '../../../src/robot/match/compileIntents.js';
import type { MatchHow } from '../../../src/robot/match/types.js';
import { buildIntents } from './buildIntents.js';

const intents = buildIntents({
  yes: { semantic: 'positive', keywords: ['需要', '可以', '好的', '感兴趣', '考虑'], dtmf: ['1'] },
  no: { semantic: 'negative', keywords: ['不需要', '不可以', '不用', '没兴趣', '不感兴趣', '不要'], dtmf: ['2'] },
  busy: { keywords: ['在忙', '开会', '开车', '没空'], examples: ['我现在没时间'] },
  wrongPerson: { exact: ['打错了'], keywords: ['不是本人'], regex: ['^(他|她)不在(家)?$'] },
  company: { keywords: ['哪个公司'], allOf: [['你们', '公司']] },
  sms: { keywords: ['短信'] },
  robot: { keywords: ['机器人'] },
  refuse: { keywords: ['没', '不'] },
  amount: { regex: ['\\d+(\\.\\d+)?(元|块)'] },
  borrow: { examples: ['我最近想借点钱'] },
  repaid: { examples: ['我已经还款了'] },
  free: { examples: ['我现在有时间'] },
  rateHigh: { examples: ['利息高吗'] },
});
const ALL = Object.keys(intents);
const matcher = compileIntents(intents, { language: 'zh', exampleThreshold: 0.6 });
const say = (text: string, candidates: readonly string[] = ALL) => matcher.match({ kind: 'text', text }, candidates);

describe('compileIntents (zh)', () => {
  it.each<[string, string, MatchHow, string[]]>([
    // negations: the longer phrase wins though `yes` comes first among the candidates
    ['我不需要', 'no', 'keyword', ['不需要']],
    ['现在不需要了，谢谢！', 'no', 'keyword', ['不需要']],
    ['需要', 'yes', 'keyword', ['需要']],
    ['不可以', 'no', 'keyword', ['不可以']],
    ['可以可以', 'yes', 'keyword', ['可以']],
    ['我对这个不感兴趣', 'no', 'keyword', ['不感兴趣']],
    ['挺感兴趣的', 'yes', 'keyword', ['感兴趣']],
    ['我不要了', 'no', 'keyword', ['不要']],
    // a keyword jieba folds into a longer word
    ['我考虑一下', 'yes', 'keyword', ['考虑']],
    ['你发短信给我吧', 'sms', 'keyword', ['短信']],
    // full-width punctuation
    ['我在开会，晚点再打！', 'busy', 'keyword', ['开会']],
    ['你是机器人吗？', 'robot', 'keyword', ['机器人']],
    // exact, whatever the punctuation
    ['打错了', 'wrongPerson', 'exact', ['打错了']],
    ['打错了。', 'wrongPerson', 'exact', ['打错了']],
    ['我不是本人', 'wrongPerson', 'keyword', ['不是本人']],
    // regexes with Chinese, on the normalised utterance
    ['他不在家。', 'wrongPerson', 'regex', ['他不在家']],
    ['我借了１，０００元', 'amount', 'regex', ['1000元']],
    ['大概3.5块吧', 'amount', 'regex', ['3.5块']],
    // a combination beats a keyword
    ['你们是哪个公司的？', 'company', 'allOf', ['你们', '公司']],
    ['哪个公司', 'company', 'keyword', ['哪个公司']],
    // examples: a paraphrase, segmented differently
    ['现在没有时间啊', 'busy', 'example', ['我现在没时间']],
    ['最近想借一点钱', 'borrow', 'example', ['我最近想借点钱']],
    ['我已经还了', 'repaid', 'example', ['我已经还款了']],
    // an A-not-A question is a question, not a negation
    ['这个利息高不高', 'rateHigh', 'example', ['利息高吗']],
  ])('%s → %s by %s', (text, intent, how, words) => {
    expect(say(text)).toMatchObject({ intent, how, words });
  });

  it.each([
    ['a positive word inside its negation', '我对这个不感兴趣', ['yes']],
    ['a positive word right after a negation', '我不需要', ['yes']],
    ['a positive word right after a negation', '不用了，我没兴趣', ['yes']],
    ['a word inside an A-not-A question', '需不需要', ['yes']],
    ['a negation inside an A-not-A question', '你是不是机器人', ['wrongPerson']],
    ['a single character inside a word', '不要', ['yes']],
    ['a negation in a phrase that is not a negation', '好的没问题', ['refuse']],
    ['a negation in a phrase that is not a negation', '不客气', ['refuse']],
    ['a negation inside an A-not-A question', '这个利息高不高', ['refuse']],
    ['an exact phrase inside a longer reply', '你打错了吧', ['wrongPerson']],
    ['a regex anchored to the whole reply', '他不在公司上班', ['wrongPerson']],
    ['one word of a combination', '你们好', ['company']],
    ['an example that is negated', '最近不想借钱了', ['borrow']],
    ['an example that is negated', '我还没还款', ['repaid']],
    ['an example that is negated', '我现在没时间', ['free']],
    ['an unrelated sentence', '你们公司在哪里', ['busy', 'borrow']],
  ])('does not match %s: %s', (_, text, candidates) => {
    expect(say(text, candidates)).toBeNull();
  });

  it('prefers the negated phrase whichever comes first among the candidates', () => {
    expect(say('我不需要', ['no', 'yes'])?.intent).toBe('no');
    expect(say('我不需要', ['yes', 'no'])?.intent).toBe('no');
  });
});
