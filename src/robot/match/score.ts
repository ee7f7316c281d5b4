import type { MatchHow } from './types.js';

const KIND_RANK: Readonly<Record<MatchHow, number>> = { dtmf: 6, exact: 5, regex: 4, allOf: 3, keyword: 2, example: 1 };

/**
 * The strength of a match: its kind first (dtmf > exact > regex > allOf > keyword > example), then
 * how many of the caller's words it covers (so `not interested` beats `interested` and `不需要`
 * beats `需要`), then a fraction below one word: the similarity for examples, the phrase's length
 * in characters (/100) for the other kinds.
 */
export function matchScore(how: MatchHow, words: number, fraction: number): number {
  return KIND_RANK[how] * 1000 + Math.min(words, 99) * 10 + Math.min(Math.max(fraction, 0), 9.99);
}
