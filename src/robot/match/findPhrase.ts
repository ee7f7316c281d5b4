import type { AnalyzedText } from './analyzeText.js';
import { negatesAt } from './isNegated.js';
import { NEGATION_PREFIXES } from './wordLists.js';

const HAN = /\p{Script=Han}/u;

/** A phrase compiled for searching: its words joined, as in AnalyzedText.joined. */
export interface PhrasePattern {
  joined: string;
  /** Whether the phrase itself says "no" (`not interested`, `不需要`); such a phrase may follow a negation. */
  negative: boolean;
  /** Whether the phrase may start or end inside a Chinese word of the utterance (see findPhrase). */
  mayCutWords: boolean;
}

export function phrasePattern(phrase: AnalyzedText): PhrasePattern {
  const first = phrase.joined.charAt(0);
  return {
    joined: phrase.joined,
    negative: negatesAt(phrase.keys, 0),
    mayCutWords: phrase.joined.length >= 2 && HAN.test(first) && !NEGATION_PREFIXES.has(first),
  };
}

/**
 * How many words of the utterance a phrase covers where it occurs as whole words (`不需要` →
 * 不|需要 is found in 我|不|需要), or 0 when it does not occur. The largest cover wins when it
 * occurs more than once.
 *
 * A phrase that does not itself say "no" is not found right after a negation: `interested` is not
 * in `not interested`, `需要` not in `不需要`, `busy` not in `I'm not busy` — so a reply is never
 * taken for its opposite, even where no intent of the node lists the negated phrase. A negation
 * phrase is not found where the word does not negate (`no` in `no problem`; see negatesAt).
 *
 * jieba joins some words that a keyword names on its own (考虑一下, 发短信), so a Chinese phrase of
 * two or more characters may also start or end inside a Chinese word — except where that word
 * negates it: `感兴趣` is not found in `不感兴趣`, nor `需要` in `需不需要`. Phrases that are one
 * character, start with a negation (`不是` in `是不是`) or are not Chinese must match whole words.
 */
export function findPhrase(utterance: AnalyzedText, pattern: PhrasePattern): number {
  const { joined, wordAt } = utterance;
  const length = pattern.joined.length;
  if (length === 0) return 0;
  let best = 0;
  for (let start = joined.indexOf(pattern.joined); start >= 0; start = joined.indexOf(pattern.joined, start + 1)) {
    const end = start + length;
    if (!startAllowed(utterance, start, pattern) || !endAllowed(utterance, end, pattern)) continue;
    const covered = wordAt[end - 1]! - wordAt[start]! + 1;
    // `no` is not found in `no problem`, nor `不` in 高|不|高; the phrase `no problem` itself is.
    if (pattern.negative && covered === 1 && !negatesAt(utterance.keys, wordAt[start]!)) continue;
    best = Math.max(best, covered);
  }
  return best;
}

function startAllowed(utterance: AnalyzedText, at: number, pattern: PhrasePattern): boolean {
  const { joined, wordAt, keys } = utterance;
  if (at === 0) return true;
  if (wordAt[at - 1] !== wordAt[at]) return pattern.negative || !negatesAt(keys, wordAt[at - 1]!);
  return cutAllowed(joined, at, pattern) && !NEGATION_PREFIXES.has(joined.charAt(at - 1));
}

function endAllowed(utterance: AnalyzedText, at: number, pattern: PhrasePattern): boolean {
  const { joined, wordAt } = utterance;
  return at === joined.length || wordAt[at - 1] !== wordAt[at] || cutAllowed(joined, at, pattern);
}

/** Whether a phrase may begin or end at `at`, inside a word of the utterance. */
function cutAllowed(joined: string, at: number, pattern: PhrasePattern): boolean {
  return pattern.mayCutWords && HAN.test(joined.charAt(at - 1)) && HAN.test(joined.charAt(at));
}
