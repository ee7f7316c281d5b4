export { checkScript, type ScriptBodyInput, type ScriptCheck } from './checkScript.js';
export { createScript, type ScriptInput } from './createScript.js';
export { getScriptOf } from './getScriptOf.js';
export { getScriptVersionOf } from './getScriptVersionOf.js';
export { listScripts } from './listScripts.js';
export { listScriptVersions } from './listScriptVersions.js';
export { publishScript } from './publishScript.js';
export { type ScriptPatch, updateScript } from './updateScript.js';
