import { checkGradingExpression } from './grading/gradingExpression.js';
import {
  type ParseOptions,
  type ParseResult,
  parseScript as parseScriptWith,
  type ValidateOptions,
  validateScript as validateScriptWith,
} from './script/parseScript.js';

export { type CompiledScript, compileScript } from './compileScript.js';
export { RobotError } from './errors.js';
export { gradeCall } from './grading/gradeCall.js';
export { checkGradingExpression, GRADING_VARIABLES } from './grading/gradingExpression.js';
export { compileIntents } from './match/compileIntents.js';
export { normalize, tokenize } from './match/tokenize.js';
export type { CompileIntents, IntentMatch, IntentMatcher, MatchHow, MatchInput } from './match/types.js';
export { startSession, step } from './runtime/session.js';
export type {
  CallFacts,
  CallGrade,
  Counters,
  EndReason,
  MatchKind,
  RobotOutput,
  SessionState,
  StepResult,
  TranscriptTurn,
  TurnInput,
} from './runtime/types.js';
export type { ScriptIssue } from './script/issues.js';
export { lintScript } from './script/lintScript.js';
export * from './script/model.js';
export type { ParseOptions, ParseResult, ValidateOptions } from './script/parseScript.js';
export { fillVariables, findVariableRefs } from './script/variables.js';

/** Parses a JSON or YAML script and validates it, grading expressions included. */
export function parseScript(text: string, opts: ParseOptions = {}): ParseResult {
  return parseScriptWith(text, { checkExpression: checkGradingExpression, ...opts });
}

/** Validates an already-parsed script object, grading expressions included. */
export function validateScript(input: unknown, opts: ValidateOptions = {}): ParseResult {
  return validateScriptWith(input, { checkExpression: checkGradingExpression, ...opts });
}

export * from './personas/index.js';
