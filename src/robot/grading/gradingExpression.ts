import { compileExpression } from 'filtrex';
import { TaskStatus } from '../../core/enums.js';
import { RobotError } from '../errors.js';
import type { Counters, EndReason } from '../runtime/types.js';
import type { Script, ScriptNode } from '../script/model.js';
import { scanExpression } from './scanExpression.js';

/** The values a grading expression reads by name. */
export interface GradingValues extends Counters {
  talkSeconds: number;
  /** 1 when the call was answered, else 0. */
  answered: number;
  /** TaskStatus name of the attempt. */
  status: string;
  /** How the robot's part ended; '' when the call was not answered. */
  ended: string;
  /** `outcome` of the hangup node reached; '' when none was. */
  outcome: string;
}

/** Everything one evaluation sees: the values plus what `visited`, `hit` and `tagged` look in. */
export interface GradingContext {
  values: GradingValues;
  visited: readonly string[];
  hits: readonly string[];
  tags: readonly string[];
}

/** Names a script defines, so `visited("greet")` with a misspelt node id is caught. */
export interface GradingRefs {
  nodes: readonly string[];
  intents: readonly string[];
  tags: readonly string[];
}

export type GradingPredicate = (ctx: GradingContext) => boolean;

type Outcome = Extract<ScriptNode, { type: 'hangup' }>['outcome'];

const COUNTERS: Record<keyof Counters, true> = {
  affirmatives: true,
  refusals: true,
  businessHits: true,
  knowledgeHits: true,
  silences: true,
  noMatches: true,
  interruptions: true,
  rounds: true,
  nodesPassed: true,
};
const END_REASONS: Record<EndReason, true> = {
  completed: true,
  transferred: true,
  callerHungUp: true,
  silence: true,
  noMatch: true,
  maxRounds: true,
  error: true,
};
const OUTCOMES: Record<Outcome, true> = {
  completed: true,
  refused: true,
  busy: true,
  wrongPerson: true,
  noResponse: true,
  failed: true,
};

export const GRADING_VARIABLES: readonly string[] = [
  ...Object.keys(COUNTERS),
  'talkSeconds',
  'answered',
  'status',
  'ended',
  'outcome',
];
const LOOKUP_FUNCTIONS = ['visited', 'hit', 'tagged'] as const;
type LookupFunction = (typeof LOOKUP_FUNCTIONS)[number];
const BUILTIN_FUNCTIONS = [
  'abs',
  'ceil',
  'floor',
  'log',
  'log2',
  'log10',
  'max',
  'min',
  'round',
  'sqrt',
  'exists',
  'empty',
];
const KNOWN_FUNCTIONS = new Set<string>([...BUILTIN_FUNCTIONS, ...LOOKUP_FUNCTIONS]);
const KNOWN_VARIABLES = new Set(GRADING_VARIABLES);
const KNOWN_STRINGS = new Set<string>([
  ...Object.keys(TaskStatus),
  ...Object.keys(END_REASONS),
  ...Object.keys(OUTCOMES),
  '',
]);

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

function suggest(name: string, known: Iterable<string>): string {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === null ? '' : ` (did you mean ${best}?)`;
}

/** Compiles with lookups that read whichever context is being evaluated (evaluation is synchronous). */
function compileWithLookups(expr: string): (ctx: GradingContext) => unknown {
  let current: GradingContext | null = null;
  const lookup = (fn: LookupFunction, list: (ctx: GradingContext) => readonly string[]) => (name: unknown) => {
    if (typeof name !== 'string') throw new TypeError(`${fn}() takes one quoted name, e.g. ${fn}("greet")`);
    return current !== null && list(current).includes(name);
  };
  const evaluate = compileExpression(expr, {
    extraFunctions: {
      visited: lookup('visited', (c) => c.visited),
      hit: lookup('hit', (c) => c.hits),
      tagged: lookup('tagged', (c) => c.tags),
    },
  });
  return (ctx) => {
    current = ctx;
    try {
      return evaluate(ctx.values) as unknown;
    } finally {
      current = null;
    }
  };
}

function describeResult(result: unknown): string | null {
  if (result instanceof Error) return result.message;
  if (typeof result !== 'boolean') return `gives ${JSON.stringify(result)}, not true or false`;
  return null;
}

function probeContexts(): GradingContext[] {
  const zero = Object.fromEntries(Object.keys(COUNTERS).map((k) => [k, 0])) as unknown as Counters;
  const one = Object.fromEntries(Object.keys(COUNTERS).map((k) => [k, 1])) as unknown as Counters;
  return [
    {
      values: { ...zero, talkSeconds: 0, answered: 0, status: 'NoAnswer', ended: '', outcome: '' },
      visited: [],
      hits: [],
      tags: [],
    },
    {
      values: { ...one, talkSeconds: 30, answered: 1, status: 'Succeeded', ended: 'completed', outcome: 'completed' },
      visited: [],
      hits: [],
      tags: [],
    },
  ];
}

function checkReferences(expr: string, refs: GradingRefs | undefined): string | null {
  const scanned = scanExpression(expr);
  if (scanned.unsupported.length > 0) return `"${scanned.unsupported[0]}" is not supported in grading expressions`;
  for (const call of scanned.calls) {
    if (!KNOWN_FUNCTIONS.has(call.name)) return `unknown function "${call.name}"${suggest(call.name, KNOWN_FUNCTIONS)}`;
    if (!(LOOKUP_FUNCTIONS as readonly string[]).includes(call.name)) continue;
    if (call.literal === null) return `${call.name}() takes one quoted name, e.g. ${call.name}("greet")`;
    if (refs === undefined) continue;
    const [kind, names] =
      call.name === 'visited'
        ? ['node', refs.nodes]
        : call.name === 'hit'
          ? ['intent', refs.intents]
          : ['tag', refs.tags];
    if (!names.includes(call.literal)) {
      return `${call.name}("${call.literal}"): no ${kind} "${call.literal}" in the script${suggest(call.literal, names)}`;
    }
  }
  for (const name of scanned.variables) {
    if (!KNOWN_VARIABLES.has(name)) {
      return `unknown variable "${name}"${suggest(name, GRADING_VARIABLES)}; known: ${GRADING_VARIABLES.join(', ')}`;
    }
  }
  for (const literal of scanned.comparedStrings) {
    if (!KNOWN_STRINGS.has(literal)) {
      return `"${literal}" is not a value of status, ended or outcome${suggest(literal, KNOWN_STRINGS)}`;
    }
  }
  return null;
}

/** Names a script defines, for checking `visited`, `hit` and `tagged` arguments. */
export function gradingRefsOf(script: Script): GradingRefs {
  const nodeTags = Object.values(script.nodes).flatMap((n) => n.tags);
  return {
    nodes: Object.keys(script.nodes),
    intents: Object.keys(script.intents),
    tags: [...new Set([...nodeTags, ...script.grading.tags.map((t) => t.tag)])],
  };
}

/**
 * Why a grading expression is unusable, or null when it is fine. Catches syntax errors, unknown
 * variables and functions, misspelt status/ended/outcome values and, given the script, node ids,
 * intents and tags it does not have: a typo must not quietly make a rule false.
 */
export function checkGradingExpression(expr: string, script?: Script): string | null {
  return checkAgainst(expr, script === undefined ? undefined : gradingRefsOf(script));
}

function checkAgainst(expr: string, refs: GradingRefs | undefined): string | null {
  let evaluate: (ctx: GradingContext) => unknown;
  try {
    evaluate = compileWithLookups(expr);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return `not a valid expression: ${message.replace(/\s*\n\s*/g, ' ')}`;
  }
  const problem = checkReferences(expr, refs);
  if (problem !== null) return problem;
  for (const ctx of probeContexts()) {
    const failure = describeResult(evaluate(ctx));
    if (failure !== null) return failure;
  }
  return null;
}

/**
 * Compiles a checked expression into a predicate. Throws RobotError `INVALID_GRADING` naming `path`
 * when the expression is unusable; the predicate throws `GRADING_FAILED` if evaluation fails.
 */
export function compileGradingExpression(expr: string, path: string, refs?: GradingRefs): GradingPredicate {
  const problem = checkAgainst(expr, refs);
  if (problem !== null) throw new RobotError('INVALID_GRADING', `${path}: ${problem}`);
  const evaluate = compileWithLookups(expr);
  return (ctx) => {
    const result = evaluate(ctx);
    const failure = describeResult(result);
    if (failure !== null) throw new RobotError('GRADING_FAILED', `${path}: ${failure}`);
    return result === true;
  };
}
