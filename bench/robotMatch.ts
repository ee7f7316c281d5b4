import { performance } from 'node:perf_hooks';
import { compileIntents } from '../src/robot/match/compileIntents.js';
import type { IntentMatcher, MatchInput } from '../src/robot/match/types.js';
import { type Intent, IntentSchema } from '../src/robot/script/model.js';

/**
 * Intent matching cost: `npx tsx bench/robotMatch.ts [iterations]` (default 20,000 per utterance).
 * Builds a 30-intent script per language (keywords, combinations, examples, a regex each), then times
 * `match` against all 30 candidates on about ten-word utterances, some hitting and some not.
 */
const ITERATIONS = Number(process.argv[2] ?? 20_000);
const INTENT_COUNT = 30;

const ZH_WORDS = [
  ['需要', '可以', '好的'],
  ['不需要', '不用', '没兴趣'],
  ['在忙', '开会', '开车'],
  ['利息', '多少钱', '费用'],
  ['哪个公司', '你们是谁', '机器人'],
  ['打错了', '不是本人', '不认识'],
  ['还款', '已经还了', '还清'],
  ['短信', '微信', '发给我'],
  ['投诉', '举报', '报警'],
  ['再说一遍', '没听清', '什么意思'],
];
const ZH_UTTERANCES = [
  '我现在在开会呢你晚点再打过来吧谢谢',
  '你们这个利息到底是多少钱一个月啊',
  '我对这个真的不感兴趣以后不要再打了',
  '喂你好请问你是哪里打来的电话',
  '今天天气不错我们下午去公园散步',
];

const EN_WORDS = [
  ['yes', 'sure', 'sounds good'],
  ['not interested', 'no thanks', "don't want"],
  ['busy', 'driving', 'in a meeting'],
  ['price', 'how much', 'cost'],
  ['who is this', 'which company', 'robot'],
  ['wrong number', 'wrong person', 'not him'],
  ['already paid', 'paid it', 'settled'],
  ['text me', 'send me', 'email'],
  ['complain', 'report you', 'police'],
  ['say again', 'pardon', 'what do you mean'],
];
const EN_UTTERANCES = [
  "sorry I'm in a meeting right now could you call back later",
  'how much does it cost per month and what are the fees',
  "I'm really not interested so please don't call me again",
  'hello who is this and which company are you calling from',
  'the weather is lovely today we might walk in the park',
];

function buildIntents(words: string[][], language: 'zh' | 'en'): Record<string, Intent> {
  const intents: Record<string, Intent> = {};
  for (let i = 0; i < INTENT_COUNT; i++) {
    const group = words[i % words.length]!;
    const variant = Math.floor(i / words.length);
    const keywords = group.map((w) => (variant === 0 ? w : language === 'zh' ? `${w}${variant}` : `${w} ${variant}`));
    intents[`intent${i}`] = IntentSchema.parse({
      keywords,
      allOf: [[keywords[0], keywords[1]]],
      examples: [keywords.join(language === 'zh' ? '' : ' '), `${keywords[2]} ${keywords[0]}`],
      regex: [language === 'zh' ? `${keywords[0]}.{0,4}${keywords[1]}` : `\\b${keywords[0]}\\b.*\\b${keywords[1]}\\b`],
    });
  }
  return intents;
}

function timeMatches(matcher: IntentMatcher, utterances: string[], candidates: string[]): number {
  const inputs: MatchInput[] = utterances.map((text) => ({ kind: 'text', text }));
  for (let i = 0; i < 2_000; i++) for (const input of inputs) matcher.match(input, candidates);
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i++) for (const input of inputs) matcher.match(input, candidates);
  return ((performance.now() - started) * 1000) / (ITERATIONS * inputs.length);
}

for (const [language, words, utterances] of [
  ['zh', ZH_WORDS, ZH_UTTERANCES],
  ['en', EN_WORDS, EN_UTTERANCES],
] as const) {
  const intents = buildIntents(words, language);
  const compileStarted = performance.now();
  const matcher = compileIntents(intents, { language, exampleThreshold: 0.6 });
  const compileMs = performance.now() - compileStarted;
  const candidates = Object.keys(intents);
  const perMatch = timeMatches(matcher, utterances, candidates);
  const hits = utterances.map((text) => matcher.match({ kind: 'text', text }, candidates)?.intent ?? '-').join(', ');
  console.log(
    `${language}: ${perMatch.toFixed(1)} µs per match (${candidates.length} candidates, ${utterances.length} utterances × ${ITERATIONS}); compile ${compileMs.toFixed(1)} ms; hits: ${hits}`,
  );
}
