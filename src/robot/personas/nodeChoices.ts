import type { CompiledScript } from '../compileScript.js';
import type { ScriptNode, Semantic } from '../script/model.js';

type HangupOutcome = Extract<ScriptNode, { type: 'hangup' }>['outcome'];

/** Something the callee could say on the node the robot listens on, seen from the script. */
export interface IntentChoice {
  intent: string;
  /** Where the intent is offered on this node: its own branch, a knowledge answer or a global intent. */
  source: 'branch' | 'knowledge' | 'global';
  semantic: Semantic;
  /** How the call ends right after it: the reached hangup node's outcome, `transfer`, or null (the call goes on). */
  ends: HangupOutcome | 'transfer' | null;
  /** DTMF digits that also express it, on a branch only (callers key in answers to the question asked). */
  dtmf: readonly string[];
}

/** Follows say nodes from `target` to the node that decides whether the call ends. */
function endingOf(compiled: CompiledScript, target: string): IntentChoice['ends'] {
  const seen = new Set<string>();
  let id = target;
  for (;;) {
    const node = compiled.nodes.get(id);
    if (node === undefined || seen.has(id)) return null; // `return`, `repeat`, or a loop of say nodes
    seen.add(id);
    if (node.type === 'hangup') return node.outcome;
    if (node.type === 'transfer') return 'transfer';
    if (node.type === 'ask') return null;
    id = node.goto;
  }
}

/**
 * The intents the robot listens for on `nodeId`, in the order it matches them (branches, then
 * knowledge, then globals), each with what taking it would do to the call. Empty when the node
 * is not an ask node.
 */
export function listChoices(compiled: CompiledScript, nodeId: string): IntentChoice[] {
  const candidates = compiled.candidates.get(nodeId) ?? [];
  const branches = compiled.branches.get(nodeId);
  return candidates.flatMap((intent): IntentChoice[] => {
    const definition = compiled.script.intents[intent];
    if (definition === undefined) return [];
    const branch = branches?.get(intent);
    if (branch !== undefined) {
      const ends = endingOf(compiled, branch.goto);
      return [{ intent, source: 'branch', semantic: definition.semantic, ends, dtmf: definition.dtmf }];
    }
    const answer = compiled.knowledge.get(intent);
    if (answer !== undefined) {
      const ends = endingOf(compiled, answer.then);
      return [{ intent, source: 'knowledge', semantic: definition.semantic, ends, dtmf: [] }];
    }
    const global = compiled.globals.get(intent);
    if (global === undefined) return [];
    return [
      { intent, source: 'global', semantic: definition.semantic, ends: endingOf(compiled, global.goto), dtmf: [] },
    ];
  });
}
