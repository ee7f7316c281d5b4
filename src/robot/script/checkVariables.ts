import { type ScriptIssue, scriptIssue } from './issues.js';
import type { Script } from './model.js';
import { listTexts } from './scriptTexts.js';
import { didYouMean } from './suggest.js';
import { findMalformedVariables, findVariableRefs } from './variables.js';

/** Names a prompt may use: the declared variables and those some node sets. */
export function knownVariables(script: Script): Set<string> {
  const names = new Set(script.variables.map((v) => v.name));
  for (const node of Object.values(script.nodes)) for (const name of Object.keys(node.set)) names.add(name);
  return names;
}

/** Every `${…}` is well formed and names a declared (or set) variable; no variable is declared twice. */
export function checkVariables(script: Script): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  const seen = new Set<string>();
  script.variables.forEach((variable, i) => {
    if (seen.has(variable.name)) {
      issues.push(
        scriptIssue(`variables[${i}].name`, 'DUPLICATE_VARIABLE', `variable '${variable.name}' is declared twice`),
      );
    }
    seen.add(variable.name);
  });
  const known = knownVariables(script);
  for (const { path, text } of listTexts(script)) {
    for (const bad of findMalformedVariables(text)) {
      issues.push(
        scriptIssue(
          path,
          'BAD_VARIABLE',
          `'${bad.text}' is not a variable reference: write \${name} or \${envVars['VENDOR_PARAM']['name']}`,
        ),
      );
    }
    for (const ref of findVariableRefs(text)) {
      if (known.has(ref.name)) continue;
      issues.push(
        scriptIssue(
          path,
          'UNDECLARED_VARIABLE',
          `variable '${ref.name}' is not declared in variables nor set by any node${didYouMean(ref.name, known)}`,
        ),
      );
    }
  }
  return issues;
}
