import { RobotError } from '../errors.js';
import type { Intent } from '../script/model.js';
import { type AnalyzedText, analyzeText } from './analyzeText.js';
import { findPhrase, type PhrasePattern, phrasePattern } from './findPhrase.js';
import { matchScore } from './score.js';
import { type ExampleWords, exampleWords, similarity, similarityBound } from './similarity.js';
import type { IntentMatch, MatchHow } from './types.js';

/** One intent, prepared once: phrases analysed, regexes compiled. */
export interface CompiledIntent {
  matchText(utterance: AnalyzedText): IntentMatch | null;
  matchDtmf(digits: string): IntentMatch | null;
}

interface Phrase {
  text: string;
  pattern: PhrasePattern;
}

interface Prepared {
  name: string;
  language: 'zh' | 'en';
  exampleThreshold: number;
  dtmf: readonly string[];
  exact: readonly { text: string; analyzed: AnalyzedText }[];
  regexes: readonly RegExp[];
  combinations: readonly (readonly Phrase[])[];
  keywords: readonly Phrase[];
  examples: readonly { text: string; words: ExampleWords }[];
}

export function compileIntent(
  name: string,
  intent: Intent,
  options: { language: 'zh' | 'en'; exampleThreshold: number },
): CompiledIntent {
  const { language, exampleThreshold } = options;
  const phrase = (text: string): Phrase => ({ text, pattern: phrasePattern(analyzeText(text, language)) });
  const prepared: Prepared = {
    name,
    language,
    exampleThreshold,
    dtmf: intent.dtmf,
    exact: intent.exact.map((text) => ({ text, analyzed: analyzeText(text, language) })),
    regexes: intent.regex.map((source, index) => compileRegex(name, index, source)),
    combinations: intent.allOf.map((words) => words.map(phrase)),
    keywords: intent.keywords.map(phrase),
    examples: intent.examples.map((text) => ({ text, words: exampleWords(analyzeText(text, language)) })),
  };
  return {
    matchText: (utterance) => (utterance.keys.length === 0 ? null : matchText(prepared, utterance)),
    matchDtmf: (digits) =>
      digits !== '' && prepared.dtmf.includes(digits) ? result(name, 'dtmf', [digits], digits.length, 0) : null,
  };
}

/** Kinds are tried strongest first: any hit of a stronger kind outranks every hit of a weaker one. */
function matchText(intent: Prepared, utterance: AnalyzedText): IntentMatch | null {
  const { name } = intent;
  for (const { text, analyzed } of intent.exact) {
    if (analyzed.normalized === utterance.normalized || sameWords(analyzed, utterance)) {
      return result(name, 'exact', [text], utterance.keys.length, text.length / 100);
    }
  }

  for (const regex of intent.regexes) {
    const found = regex.exec(utterance.normalized);
    if (found) {
      const words = analyzeText(found[0], intent.language).keys.length;
      return result(name, 'regex', [found[0]], words, found[0].length / 100);
    }
  }

  let best: IntentMatch | null = null;
  for (const combination of intent.combinations) {
    let covered = 0;
    for (const word of combination) {
      const found = findPhrase(utterance, word.pattern);
      if (found === 0) {
        covered = 0;
        break;
      }
      covered += found;
    }
    if (covered > 0) {
      const words = combination.map((w) => w.text);
      best = better(best, result(name, 'allOf', words, covered, words.join('').length / 100));
    }
  }
  if (best) return best;

  for (const keyword of intent.keywords) {
    const covered = findPhrase(utterance, keyword.pattern);
    if (covered > 0) best = better(best, result(name, 'keyword', [keyword.text], covered, keyword.text.length / 100));
  }
  if (best) return best;

  for (const { text, words } of intent.examples) {
    if (similarityBound(utterance, words) < intent.exampleThreshold) continue;
    const { value, shared } = similarity(utterance, words);
    if (value > 0 && value >= intent.exampleThreshold)
      best = better(best, result(name, 'example', [text], shared, value));
  }
  return best;
}

function better(best: IntentMatch | null, candidate: IntentMatch): IntentMatch {
  return best && best.score >= candidate.score ? best : candidate;
}

function result(intent: string, how: MatchHow, words: string[], covered: number, fraction: number): IntentMatch {
  return { intent, how, words, score: matchScore(how, covered, fraction) };
}

function sameWords(a: AnalyzedText, b: AnalyzedText): boolean {
  if (a.keys.length !== b.keys.length) return false;
  for (let i = 0; i < a.keys.length; i++) if (a.keys[i] !== b.keys[i]) return false;
  return true;
}

function compileRegex(intent: string, index: number, source: string): RegExp {
  try {
    return new RegExp(source, 'iu');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RobotError('INVALID_INTENT_REGEX', `intents.${intent}.regex[${index}]: ${reason}`);
  }
}
