import type { Script } from './model.js';

/** A text of the script that may hold `${…}` references. */
export interface ScriptText {
  path: string;
  text: string;
  /** Spoken to the caller (prompts, answers); false for `set` values and transfer targets. */
  spoken: boolean;
}

/** Every prompt, answer, `set` value and transfer target of a script (the texts variables fill), with its path. */
export function listTexts(script: Script): ScriptText[] {
  const texts: ScriptText[] = [];
  const spoken = (path: string, text: string | undefined) => {
    if (text !== undefined) texts.push({ path, text, spoken: true });
  };
  for (const [id, node] of Object.entries(script.nodes)) {
    const at = `nodes.${id}`;
    spoken(`${at}.say`, node.say);
    for (const [name, value] of Object.entries(node.set))
      texts.push({ path: `${at}.set.${name}`, text: value, spoken: false });
    if (node.type === 'transfer') texts.push({ path: `${at}.target`, text: node.target, spoken: false });
    if (node.type !== 'ask') continue;
    for (const [i, branch] of node.branches.entries()) spoken(`${at}.branches[${i}].say`, branch.say);
    for (const rule of ['noMatch', 'noInput'] as const) {
      for (const [i, text] of (node[rule]?.say ?? []).entries()) spoken(`${at}.${rule}.say[${i}]`, text);
    }
  }
  for (const [i, entry] of script.knowledge.entries()) spoken(`knowledge[${i}].answer`, entry.answer);
  for (const [i, entry] of script.globals.entries()) spoken(`globals[${i}].say`, entry.say);
  return texts;
}
