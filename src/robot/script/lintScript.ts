import { type ScriptIssue, scriptIssue } from './issues.js';
import { lintKeywordOverlaps } from './lintKeywordOverlaps.js';
import type { Script } from './model.js';
import { listTexts } from './scriptTexts.js';
import { findVariableRefs } from './variables.js';

/** Spoken text longer than this is hard to follow on the phone. */
export const LONG_PROMPT_CHARS = 200;

function unusedIntents(script: Script): ScriptIssue[] {
  const used = new Set<string>([...script.globals, ...script.knowledge].map((e) => e.intent));
  for (const node of Object.values(script.nodes)) {
    if (node.type === 'ask') for (const b of node.branches) used.add(b.intent);
  }
  return Object.keys(script.intents)
    .filter((name) => !used.has(name))
    .map((name) =>
      scriptIssue(
        `intents.${name}`,
        'UNUSED_INTENT',
        `intent '${name}' is used by no branch, global or knowledge entry`,
      ),
    );
}

/** A knowledge or global entry whose intent an earlier entry already takes is never reached. */
function shadowedEntries(script: Script): ScriptIssue[] {
  const first = new Map<string, string>();
  const issues: ScriptIssue[] = [];
  const entries = [
    ...script.knowledge.map((e, i) => ({ path: `knowledge[${i}]`, intent: e.intent })),
    ...script.globals.map((e, i) => ({ path: `globals[${i}]`, intent: e.intent })),
  ];
  for (const { path, intent } of entries) {
    const earlier = first.get(intent);
    if (earlier === undefined) first.set(intent, path);
    else
      issues.push(
        scriptIssue(
          `${path}.intent`,
          'SHADOWED_INTENT',
          `intent '${intent}' is already taken by ${earlier}, which is matched first`,
        ),
      );
  }
  return issues;
}

function longPrompts(script: Script): ScriptIssue[] {
  return listTexts(script)
    .filter((t) => t.spoken && [...t.text].length > LONG_PROMPT_CHARS)
    .map((t) =>
      scriptIssue(
        t.path,
        'LONG_PROMPT',
        `${[...t.text].length} characters (over ${LONG_PROMPT_CHARS}): callers lose track of long prompts; split it over nodes`,
      ),
    );
}

function askWithoutRetryRules(script: Script): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  for (const [id, node] of Object.entries(script.nodes)) {
    if (node.type !== 'ask') continue;
    const missing = [
      node.noInput ? null : 'noInput (silence repeats the prompt twice, then hangs up as silence)',
      node.noMatch ? null : 'noMatch (an answer not understood repeats the prompt twice, then hangs up as noMatch)',
    ].filter((m) => m !== null);
    if (missing.length > 0) issues.push(scriptIssue(`nodes.${id}`, 'NO_RETRY_RULE', `no ${missing.join(' and no ')}`));
  }
  return issues;
}

function unusedVariables(script: Script): ScriptIssue[] {
  const used = new Set(listTexts(script).flatMap((t) => findVariableRefs(t.text).map((r) => r.name)));
  return script.variables.flatMap((v, i) =>
    used.has(v.name)
      ? []
      : [scriptIssue(`variables[${i}]`, 'UNUSED_VARIABLE', `variable '${v.name}' is declared but no prompt uses it`)],
  );
}

function globalsWithoutLimit(script: Script): ScriptIssue[] {
  return script.globals.flatMap((g, i) => {
    const type = script.nodes[g.goto]?.type;
    if (type === undefined || type === 'hangup' || type === 'transfer' || g.maxRepeats !== undefined) return [];
    return [
      scriptIssue(
        `globals[${i}].goto`,
        'UNBOUNDED_GLOBAL',
        `'${g.intent}' goes to '${g.goto}', which does not end the call, without maxRepeats: taken more than ${script.options.maxBranchRepeats} times (options.maxBranchRepeats) it ends the call as maxRounds; set maxRepeats and exceeded`,
      ),
    ];
  });
}

/** Warnings about a valid script: things that work but are likely not what the author meant. */
export function lintScript(script: Script): ScriptIssue[] {
  return [
    ...unusedIntents(script),
    ...shadowedEntries(script),
    ...lintKeywordOverlaps(script),
    ...longPrompts(script),
    ...askWithoutRetryRules(script),
    ...unusedVariables(script),
    ...globalsWithoutLimit(script),
  ];
}
