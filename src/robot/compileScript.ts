import { type CompiledGrading, compileGrading } from './grading/compileGrading.js';
import { compileIntents } from './match/compileIntents.js';
import type { IntentMatcher } from './match/types.js';
import type { Branch, Global, Knowledge, Script, ScriptNode } from './script/model.js';

export { checkGradingExpression } from './grading/gradingExpression.js';

/** A script ready to run many calls: compiled once per script version, never changed after. */
export interface CompiledScript {
  script: Script;
  matcher: IntentMatcher;
  nodes: ReadonlyMap<string, ScriptNode>;
  /** Per ask node: intents to match, in priority order (branches, then knowledge, then globals). */
  candidates: ReadonlyMap<string, readonly string[]>;
  /** Per ask node: its branches by intent. */
  branches: ReadonlyMap<string, ReadonlyMap<string, Branch>>;
  knowledge: ReadonlyMap<string, Knowledge>;
  globals: ReadonlyMap<string, Global>;
  grading: CompiledGrading;
}

function byIntent<T extends { intent: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.intent)) map.set(item.intent, item);
  return map;
}

/**
 * Prepares a validated script for calls: the intent matcher, the node index, each ask node's
 * candidate intents and the grading rules. Throws RobotError `INVALID_GRADING` for a bad rule.
 */
export function compileScript(script: Script): CompiledScript {
  const knowledge = byIntent(script.knowledge);
  const globals = byIntent(script.globals);
  const nodes = new Map(Object.entries(script.nodes));
  const candidates = new Map<string, readonly string[]>();
  const branches = new Map<string, ReadonlyMap<string, Branch>>();
  for (const [id, node] of nodes) {
    if (node.type !== 'ask') continue;
    const own = byIntent(node.branches);
    branches.set(id, own);
    const shared = node.globals ? [...knowledge.keys(), ...globals.keys()] : [];
    candidates.set(id, [...new Set([...own.keys(), ...shared])]);
  }
  return {
    script,
    matcher: compileIntents(script.intents, {
      language: script.language,
      exampleThreshold: script.options.exampleThreshold,
    }),
    nodes,
    candidates,
    branches,
    knowledge,
    globals,
    grading: compileGrading(script),
  };
}
