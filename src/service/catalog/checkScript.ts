import { invalidField, OutdialError } from '../../core/errors.js';
import { checkGradingExpression } from '../../robot/grading/gradingExpression.js';
import type { ScriptIssue } from '../../robot/script/issues.js';
import { lintScript } from '../../robot/script/lintScript.js';
import { locateIssuesInText } from '../../robot/script/locateIssues.js';
import type { Script as ScriptBody } from '../../robot/script/model.js';
import { parseScript, validateScript } from '../../robot/script/parseScript.js';

/** A script body as a caller sends it: YAML or JSON text in `source`, or an already-parsed object in `script`. */
export interface ScriptBodyInput {
  source?: unknown;
  script?: unknown;
}

/** What checking a body found; warnings (lint included) never make it fail. */
export interface ScriptCheck {
  ok: boolean;
  errors: ScriptIssue[];
  warnings: ScriptIssue[];
}

/** A valid body, ready to be stored as a version. */
export interface ScriptBodyRead {
  body: ScriptBody;
  /** The text as sent; a `script` object is kept as indented JSON. */
  source: string;
  warnings: ScriptIssue[];
}

type Given = { field: 'source'; text: string } | { field: 'script'; value: Record<string, unknown> };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The one body the input gives, or null when it gives none. */
function givenBody(input: ScriptBodyInput): Given | null {
  if (input.source !== undefined && input.script !== undefined) {
    throw invalidField('script', 'give either source (YAML or JSON text) or script (an object), not both');
  }
  if (input.source !== undefined) {
    if (typeof input.source !== 'string' || input.source.trim() === '') {
      throw invalidField('source', 'must be the script as YAML or JSON text');
    }
    return { field: 'source', text: input.source };
  }
  if (input.script !== undefined) {
    if (!isObject(input.script)) throw invalidField('script', 'must be the script as an object');
    return { field: 'script', value: input.script };
  }
  return null;
}

function check(given: Given): { check: ScriptCheck; body?: ScriptBody; source: string } {
  const source = given.field === 'source' ? given.text : JSON.stringify(given.value, null, 2);
  const result =
    given.field === 'source'
      ? parseScript(given.text, { checkExpression: checkGradingExpression })
      : validateScript(given.value, { checkExpression: checkGradingExpression });
  if (!result.ok) return { check: { ok: false, errors: result.errors, warnings: result.warnings }, source };
  const warnings = [...result.warnings, ...lintScript(result.script)];
  return {
    check: {
      ok: true,
      errors: [],
      warnings: given.field === 'source' ? locateIssuesInText(source, warnings) : warnings,
    },
    body: result.script,
    source,
  };
}

const bodyRequired = () =>
  invalidField('source', 'is required: the script as YAML or JSON text (or give script, an object)');

/** Validates and lints a body without storing anything; the body is required. */
export function checkScript(input: ScriptBodyInput): ScriptCheck {
  const given = givenBody(input);
  if (!given) throw bodyRequired();
  return check(given).check;
}

/** INVALID_SCRIPT naming the first issue, with every issue in `details.issues`. */
function invalidScript(field: Given['field'], errors: readonly ScriptIssue[]): OutdialError {
  const first = errors[0];
  const where = first?.path ? `${field}.${first.path}` : field;
  const line = first?.line !== undefined ? ` (line ${first.line})` : '';
  const more = errors.length > 1 ? `; ${errors.length - 1} more issue${errors.length > 2 ? 's' : ''} in details` : '';
  return new OutdialError('INVALID_SCRIPT', `${where}: ${first?.message ?? 'is not a valid script'}${line}${more}`, {
    field: field === 'script' ? where : 'source',
    issues: errors.map((e) => ({ ...e })),
  });
}

/** The body the input gives, validated; null when it gives none. Throws INVALID_SCRIPT when it is not valid. */
export function readScriptBody(input: ScriptBodyInput): ScriptBodyRead | null {
  const given = givenBody(input);
  if (!given) return null;
  const read = check(given);
  if (!read.body) throw invalidScript(given.field, read.check.errors);
  return { body: read.body, source: read.source, warnings: read.check.warnings };
}

/** readScriptBody for a body that must be given. */
export function requireScriptBody(input: ScriptBodyInput): ScriptBodyRead {
  const read = readScriptBody(input);
  if (!read) throw bodyRequired();
  return read;
}
