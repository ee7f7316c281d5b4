import { type ScriptIssue, scriptIssue } from './issues.js';
import type { Script } from './model.js';
import { listTargets } from './scriptTargets.js';
import { didYouMean } from './suggest.js';

const KEYWORD_PLACES = {
  return: 'knowledge[].then and globals[].goto',
  repeat: 'globals[].goto',
} as const;

function checkTargets(script: Script, issues: ScriptIssue[]): void {
  const nodeIds = Object.keys(script.nodes);
  for (const ref of listTargets(script)) {
    if ((ref.keywords as readonly string[]).includes(ref.target)) continue;
    const node = script.nodes[ref.target];
    if (node === undefined) {
      const message =
        ref.target === 'return' || ref.target === 'repeat'
          ? `'${ref.target}' is not allowed here: it is only valid in ${KEYWORD_PLACES[ref.target]}`
          : `no node named '${ref.target}'${didYouMean(ref.target, nodeIds)}`;
      issues.push(scriptIssue(ref.path, 'UNKNOWN_NODE', message));
    } else if (ref.path === 'options.onMaxRounds' && node.type !== 'hangup') {
      issues.push(
        scriptIssue(
          ref.path,
          'NOT_A_HANGUP',
          `'${ref.target}' is a ${node.type} node; onMaxRounds must name a hangup node`,
        ),
      );
    }
  }
}

function checkIntentRefs(script: Script, issues: ScriptIssue[]): void {
  const names = Object.keys(script.intents);
  const check = (path: string, intent: string) => {
    if (!Object.hasOwn(script.intents, intent)) {
      issues.push(scriptIssue(path, 'UNKNOWN_INTENT', `no intent named '${intent}'${didYouMean(intent, names)}`));
    }
  };
  for (const [id, node] of Object.entries(script.nodes)) {
    if (node.type !== 'ask') continue;
    const seen = new Map<string, number>();
    node.branches.forEach((branch, i) => {
      const path = `nodes.${id}.branches[${i}].intent`;
      check(path, branch.intent);
      const first = seen.get(branch.intent);
      if (first === undefined) seen.set(branch.intent, i);
      else
        issues.push(
          scriptIssue(
            path,
            'DUPLICATE_BRANCH',
            `intent '${branch.intent}' already has branches[${first}] on this node`,
          ),
        );
    });
  }
  for (const [i, entry] of script.knowledge.entries()) check(`knowledge[${i}].intent`, entry.intent);
  for (const [i, entry] of script.globals.entries()) check(`globals[${i}].intent`, entry.intent);
}

/**
 * Names that must exist: `start`, every goto/then/exceeded target (or a keyword where one is
 * allowed), onMaxRounds as a hangup node, every intent used; no intent twice on one ask node.
 */
export function checkReferences(script: Script): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  for (const reserved of ['return', 'repeat']) {
    if (Object.hasOwn(script.nodes, reserved)) {
      issues.push(
        scriptIssue(`nodes.${reserved}`, 'RESERVED_ID', `'${reserved}' is a keyword and cannot be a node id`),
      );
    }
  }
  if (!Object.hasOwn(script.nodes, script.start)) {
    issues.push(
      scriptIssue(
        'start',
        'UNKNOWN_NODE',
        `no node named '${script.start}'${didYouMean(script.start, Object.keys(script.nodes))}`,
      ),
    );
  }
  checkTargets(script, issues);
  checkIntentRefs(script, issues);
  return issues;
}
