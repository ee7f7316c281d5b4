import type { Script } from './model.js';

/** Keywords a target may be instead of a node id. */
export type TargetKeyword = 'return' | 'repeat';

/** A place where the script names where to go next. */
export interface TargetRef {
  path: string;
  target: string;
  /** `node`: taken from node `from`; `global`: from any ask node that allows globals; `always`: from anywhere. */
  scope: 'node' | 'global' | 'always';
  from: string | null;
  /** Keywords allowed here besides node ids. */
  keywords: readonly TargetKeyword[];
}

/** Every goto / then / exceeded / onMaxRounds of a script. */
export function listTargets(script: Script): TargetRef[] {
  const refs: TargetRef[] = [];
  const add = (
    path: string,
    target: string | undefined,
    scope: TargetRef['scope'],
    from: string | null,
    keywords: readonly TargetKeyword[] = [],
  ) => {
    if (target !== undefined) refs.push({ path, target, scope, from, keywords });
  };
  for (const [id, node] of Object.entries(script.nodes)) {
    const at = `nodes.${id}`;
    if (node.type === 'say') add(`${at}.goto`, node.goto, 'node', id);
    if (node.type !== 'ask') continue;
    node.branches.forEach((branch, i) => {
      add(`${at}.branches[${i}].goto`, branch.goto, 'node', id);
      add(`${at}.branches[${i}].exceeded`, branch.exceeded, 'node', id);
    });
    add(`${at}.noMatch.then`, node.noMatch?.then, 'node', id);
    add(`${at}.noInput.then`, node.noInput?.then, 'node', id);
  }
  script.globals.forEach((entry, i) => {
    add(`globals[${i}].goto`, entry.goto, 'global', null, ['return', 'repeat']);
    add(`globals[${i}].exceeded`, entry.exceeded, 'global', null);
  });
  for (const [i, entry] of script.knowledge.entries())
    add(`knowledge[${i}].then`, entry.then, 'global', null, ['return']);
  add('options.onMaxRounds', script.options.onMaxRounds, 'always', null);
  return refs;
}
