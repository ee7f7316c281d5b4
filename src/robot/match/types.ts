import type { Intent } from '../script/model.js';

/** How an utterance hit an intent, strongest first. */
export type MatchHow = 'dtmf' | 'exact' | 'regex' | 'allOf' | 'keyword' | 'example';

export interface IntentMatch {
  intent: string;
  how: MatchHow;
  /** The words (or pattern / example) that matched, for transcripts and BaiYing userMeanDetail. */
  words: string[];
  /** Strength used to pick among candidates: higher wins; ties go to the earlier candidate. */
  score: number;
}

/** Input the matcher sees: what the caller said (text) or keyed (dtmf). */
export type MatchInput = { kind: 'text'; text: string } | { kind: 'dtmf'; digits: string };

/**
 * Intents compiled once per script version (tokenised keywords, compiled regexes, example
 * token sets). Pure and reusable across calls.
 */
export interface IntentMatcher {
  /** The best match among `candidates` (intent names, in priority order), or null. */
  match(input: MatchInput, candidates: readonly string[]): IntentMatch | null;
}

export type CompileIntents = (
  intents: Readonly<Record<string, Intent>>,
  options: { language: 'zh' | 'en'; exampleThreshold: number },
) => IntentMatcher;
