import { analyzeText } from './analyzeText.js';
import { type CompiledIntent, compileIntent } from './compileIntent.js';
import type { CompileIntents, IntentMatch } from './types.js';

/**
 * Prepares a script's intents for matching. `match` analyses the utterance once (normalise, segment,
 * fold plurals), then asks each candidate in order; the highest score wins and ties keep the earlier
 * candidate. Candidate names that are not intents are skipped.
 */
export const compileIntents: CompileIntents = (intents, options) => {
  const compiled = new Map<string, CompiledIntent>();
  for (const [name, intent] of Object.entries(intents)) compiled.set(name, compileIntent(name, intent, options));

  return {
    match(input, candidates) {
      const utterance = input.kind === 'text' ? analyzeText(input.text, options.language) : undefined;
      let best: IntentMatch | null = null;
      for (const name of candidates) {
        const intent = compiled.get(name);
        if (!intent) continue;
        const found = input.kind === 'dtmf' ? intent.matchDtmf(input.digits) : intent.matchText(utterance!);
        if (found && (!best || found.score > best.score)) best = found;
      }
      return best;
    },
  };
};
