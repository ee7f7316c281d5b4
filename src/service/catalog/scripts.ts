export { createScript, type ScriptInput } from './createScript.js';
export { getScriptOf } from './getScriptOf.js';
export { listScripts } from './listScripts.js';
