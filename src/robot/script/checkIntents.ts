import { type ScriptIssue, scriptIssue } from './issues.js';
import type { Script } from './model.js';

/** Each intent has a way to be recognised, and its regexes compile with the matcher's flags (`iu`). */
export function checkIntents(script: Script): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  for (const [name, intent] of Object.entries(script.intents)) {
    const ways = [intent.keywords, intent.allOf, intent.exact, intent.regex, intent.examples, intent.dtmf];
    if (ways.every((list) => list.length === 0)) {
      issues.push(
        scriptIssue(
          `intents.${name}`,
          'EMPTY_INTENT',
          `intent '${name}' can never match: give it keywords, allOf, exact, regex, examples or dtmf`,
        ),
      );
    }
    intent.regex.forEach((source, i) => {
      try {
        new RegExp(source, 'iu');
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        issues.push(scriptIssue(`intents.${name}.regex[${i}]`, 'BAD_REGEX', reason));
      }
    });
  }
  return issues;
}
