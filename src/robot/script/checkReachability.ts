import { type ScriptIssue, scriptIssue } from './issues.js';
import type { Script } from './model.js';
import { listTargets } from './scriptTargets.js';

/** The nodes a call can reach from `start`: branches, retries, globals and knowledge where allowed, onMaxRounds. */
export function reachableNodes(script: Script): Set<string> {
  const fromNode = new Map<string, string[]>();
  const fromGlobals: string[] = [];
  const always: string[] = [];
  for (const ref of listTargets(script)) {
    if (!Object.hasOwn(script.nodes, ref.target)) continue;
    if (ref.scope === 'always') always.push(ref.target);
    else if (ref.scope === 'global') fromGlobals.push(ref.target);
    else if (ref.from !== null) fromNode.set(ref.from, [...(fromNode.get(ref.from) ?? []), ref.target]);
  }
  const reached = new Set<string>();
  const queue: string[] = [];
  const visit = (id: string) => {
    if (!reached.has(id) && Object.hasOwn(script.nodes, id)) {
      reached.add(id);
      queue.push(id);
    }
  };
  visit(script.start);
  if (reached.size === 0) return reached;
  always.forEach(visit);
  let globalsOpen = false;
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    fromNode.get(id)?.forEach(visit);
    const node = script.nodes[id];
    if (!globalsOpen && node?.type === 'ask' && node.globals) {
      globalsOpen = true;
      fromGlobals.forEach(visit);
    }
  }
  return reached;
}

/** Warnings for nodes no call can reach; an error when no call can reach a hangup or transfer node. */
export function checkReachability(script: Script): { errors: ScriptIssue[]; warnings: ScriptIssue[] } {
  if (!Object.hasOwn(script.nodes, script.start)) return { errors: [], warnings: [] };
  const reached = reachableNodes(script);
  const warnings = Object.keys(script.nodes)
    .filter((id) => !reached.has(id))
    .map((id) =>
      scriptIssue(`nodes.${id}`, 'UNREACHABLE_NODE', `node '${id}' cannot be reached from start '${script.start}'`),
    );
  const ends = [...reached].some((id) => {
    const type = script.nodes[id]?.type;
    return type === 'hangup' || type === 'transfer';
  });
  const errors = ends
    ? []
    : [
        scriptIssue(
          'nodes',
          'NO_END',
          `no hangup or transfer node can be reached from start '${script.start}': calls could only end by silence, noMatch or maxRounds`,
        ),
      ];
  return { errors, warnings };
}
