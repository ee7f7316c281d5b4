import { z } from 'zod';
import { type ScriptIssue, scriptIssue } from './issues.js';
import { didYouMean } from './suggest.js';

type ZodIssue = z.core.$ZodIssue;

/** Plain words for the model's patterns, keyed by their source. */
const FORMAT_HINTS: Record<string, string> = {
  '/^[0-9*#]+$/': 'DTMF keys are digits 0-9, * or #',
  '/^[A-Za-z_\\u4e00-\\u9fff][A-Za-z0-9_\\u4e00-\\u9fff]{0,63}$/':
    'a variable name is letters, digits, _ or Chinese characters, starting with a letter, _ or Chinese character (at most 64)',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  return `${typeof value} ${String(value)}`;
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object (fields)',
  array: 'a list',
  record: 'an object (fields)',
};

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodPrefault) {
    s = s.unwrap() as z.ZodType;
  }
  return s;
}

/** The schema that describes the value at `path` (following the node `type` through unions). */
function schemaAt(root: z.ZodType, input: unknown, path: readonly PropertyKey[]): z.ZodType | null {
  let schema = unwrap(root);
  for (let i = 0; i <= path.length; i++) {
    if (schema instanceof z.ZodDiscriminatedUnion) {
      const value = valueAt(input, path.slice(0, i));
      const option = (schema.options as z.ZodType[]).find(
        (o) =>
          o instanceof z.ZodObject &&
          Object.entries(o.shape as Record<string, z.ZodType>).some(
            ([key, field]) => field instanceof z.ZodLiteral && field.value === valueAt(value, [key]),
          ),
      );
      if (option === undefined) return null;
      schema = unwrap(option);
    }
    if (i === path.length) return schema;
    const segment = path[i];
    let next: z.ZodType | undefined;
    if (schema instanceof z.ZodObject) next = (schema.shape as Record<string, z.ZodType>)[String(segment)];
    else if (schema instanceof z.ZodArray) next = schema.element as z.ZodType;
    else if (schema instanceof z.ZodRecord) next = schema.valueType as z.ZodType;
    if (next === undefined) return null;
    schema = unwrap(next);
  }
  return schema;
}

function knownKeys(schema: z.ZodType | null): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodRecord && schema.keyType instanceof z.ZodEnum) return schema.keyType.options.map(String);
  return [];
}

function sizeMessage(issue: ZodIssue & { code: 'too_small' | 'too_big' }): string {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  const bound = issue.inclusive === false ? (small ? 'more than' : 'less than') : small ? 'at least' : 'at most';
  if (issue.origin === 'string')
    return small && limit === 1 ? 'must not be empty' : `must be ${bound} ${limit} characters`;
  if (issue.origin === 'array') return `needs ${bound} ${limit} item${limit === 1 ? '' : 's'}`;
  return `must be ${bound} ${limit}`;
}

function convert(issue: ZodIssue, root: z.ZodType, input: unknown): ScriptIssue[] {
  const path = issue.path;
  const got = valueAt(input, path);
  const field = path.at(-1);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
      if (got === undefined && typeof field === 'string') {
        return [scriptIssue(path, 'MISSING_FIELD', `required field '${field}' is missing (expected ${expected})`)];
      }
      const quoteHint =
        issue.expected === 'string' && (typeof got === 'number' || typeof got === 'boolean')
          ? `; write it in quotes ('${String(got)}')`
          : '';
      return [scriptIssue(path, 'INVALID', `expected ${expected}, got ${describeValue(got)}${quoteHint}`)];
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      const expected = values.length === 1 ? values[0] : `one of ${values.join(', ')}`;
      return [scriptIssue(path, 'INVALID', `expected ${expected}, got ${describeValue(got)}`)];
    }
    case 'too_small':
    case 'too_big':
      return [scriptIssue(path, 'INVALID', sizeMessage(issue))];
    case 'invalid_format': {
      const hint = 'pattern' in issue && typeof issue.pattern === 'string' ? FORMAT_HINTS[issue.pattern] : undefined;
      return [scriptIssue(path, 'INVALID', `${describeValue(got)} is not valid: ${hint ?? issue.message}`)];
    }
    case 'invalid_key': {
      const reason = issue.issues[0]?.message ?? issue.message;
      return [scriptIssue(path, 'INVALID_ID', `'${String(field)}' is not a valid id: ${reason}`)];
    }
    case 'unrecognized_keys': {
      const keys = knownKeys(schemaAt(root, input, path));
      const expected = keys.length > 0 ? `; the fields here are ${keys.join(', ')}` : '';
      return issue.keys.map((key) =>
        scriptIssue([...path, key], 'UNKNOWN_FIELD', `unknown field '${key}'${didYouMean(key, keys)}${expected}`),
      );
    }
    case 'invalid_union': {
      // Zod adds the discriminator's allowed values to this issue without typing them.
      if ('options' in issue && Array.isArray(issue.options)) {
        const expected = `one of ${issue.options.map(String).join(', ')}`;
        return got === undefined
          ? [scriptIssue(path, 'MISSING_FIELD', `required field '${String(field)}' is missing (expected ${expected})`)]
          : [scriptIssue(path, 'INVALID', `expected ${expected}, got ${describeValue(got)}`)];
      }
      return [scriptIssue(path, 'INVALID', issue.message)];
    }
    default:
      return [scriptIssue(path, 'INVALID', issue.message)];
  }
}

/** Zod's issues as script issues: readable paths, plain messages naming what was expected. */
export function fromZodIssues(issues: readonly ZodIssue[], root: z.ZodType, input: unknown): ScriptIssue[] {
  return issues.flatMap((issue) => convert(issue, root, input));
}
