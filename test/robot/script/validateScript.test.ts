// biome-ignore-all lint/suspicious/noThenProperty: `then` is a script field, never awaited
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: prompts hold ${name} variable references
import { describe, expect, it } from 'vitest';
import type { ScriptIssue } from '../../../src/robot/script/issues.js';
import type { ScriptInput } from '../../../src/robot/script/model.js';
import { type ParseResult, validateScript } from '../../../src/robot/script/parseScript.js';
import { BASE, GREET, withGreet, withNodes } from './scriptFixtures.js';

function errorsOf(input: unknown, opts?: Parameters<typeof validateScript>[1]): ScriptIssue[] {
  const result = validateScript(input, opts);
  return result.ok ? [] : result.errors;
}

/** `CODE at path` for each error, for readable failures. */
const codesAt = (input: unknown) => errorsOf(input).map((e) => `${e.code} at ${e.path}`);

function only(result: ParseResult): ScriptIssue {
  expect(result.ok).toBe(false);
  const errors = result.ok ? [] : result.errors;
  expect(errors).toHaveLength(1);
  return errors[0] as ScriptIssue;
}

describe('validateScript: the schema', () => {
  it('accepts the base script, fills defaults, and warns about nothing', () => {
    const result = validateScript(BASE);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.script.options.maxRounds).toBe(30);
    expect(result.script.nodes.bye).toMatchObject({ outcome: 'completed', tags: [] });
  });

  it('names a missing required field with its path', () => {
    const issue = only(
      validateScript(withGreet({ branches: [{ intent: 'yes', goto: 'pitch' }, { intent: 'no' } as never] })),
    );
    expect(issue).toMatchObject({ path: 'nodes.greet.branches[1].goto', code: 'MISSING_FIELD' });
    expect(issue.message).toContain("'goto'");
  });

  it('names an unknown field, suggests the close one and lists the fields allowed there', () => {
    const branch = { intent: 'yes', gotto: 'pitch' } as never;
    const issues = errorsOf(withGreet({ branches: [branch] }));
    const unknown = issues.find((i) => i.code === 'UNKNOWN_FIELD');
    expect(unknown?.path).toBe('nodes.greet.branches[0].gotto');
    expect(unknown?.message).toContain("did you mean 'goto'?");
    expect(unknown?.message).toContain('intent, say, goto, maxRepeats, exceeded');
  });

  it('lists the node types when a node has an unknown or no type', () => {
    const bad = errorsOf(withNodes({ pitch: { type: 'speak', say: 'x', goto: 'bye' } as never }));
    expect(bad[0]).toMatchObject({ path: 'nodes.pitch.type', code: 'INVALID' });
    expect(bad[0]?.message).toMatch(/one of say, ask, transfer, hangup, got 'speak'/);
    const missing = errorsOf(withNodes({ pitch: { say: 'x', goto: 'bye' } as never }));
    expect(missing[0]).toMatchObject({ path: 'nodes.pitch.type', code: 'MISSING_FIELD' });
  });

  it('rejects a node id that cannot be one, quoting it in the path', () => {
    const issues = errorsOf(withNodes({ 'say hi': { type: 'hangup' } }));
    expect(issues[0]).toMatchObject({ path: 'nodes["say hi"]', code: 'INVALID_ID' });
    expect(issues[0]?.message).toContain('starting with a letter');
  });

  it('tells what was expected and what was given', () => {
    expect(only(validateScript({ ...BASE, language: 'fr' })).message).toBe("expected one of zh, en, got 'fr'");
    const dtmf = only(validateScript({ ...BASE, intents: { ...BASE.intents, yes: { dtmf: [1] as never } } }));
    expect(dtmf).toMatchObject({ path: 'intents.yes.dtmf[0]', code: 'INVALID' });
    expect(dtmf.message).toContain("write it in quotes ('1')");
    expect(only(validateScript({ ...BASE, options: { maxRounds: 0 } }))).toMatchObject({
      path: 'options.maxRounds',
      message: 'must be at least 1',
    });
    expect(only(validateScript(withGreet({ branches: [] }))).message).toBe('needs at least 1 item');
    const keys = only(validateScript({ ...BASE, intents: { ...BASE.intents, yes: { dtmf: ['a'] } } }));
    expect(keys).toMatchObject({
      path: 'intents.yes.dtmf[0]',
      message: "'a' is not valid: DTMF keys are digits 0-9, * or #",
    });
    const name = only(validateScript({ ...BASE, variables: [{ name: '1st' }] }));
    expect(name.path).toBe('variables[0].name');
    expect(name.message).toMatch(/^'1st' is not valid: a variable name is letters/);
  });

  it('reports a document that is not an object at the root', () => {
    for (const input of [null, [], 'script']) {
      expect(only(validateScript(input))).toMatchObject({ path: '', code: 'INVALID' });
    }
  });
});

describe('validateScript: references between parts', () => {
  it('requires start to name a node, suggesting a close one', () => {
    const issue = only(validateScript({ ...BASE, start: 'gret' }));
    expect(issue).toMatchObject({ path: 'start', code: 'UNKNOWN_NODE' });
    expect(issue.message).toContain("did you mean 'greet'?");
  });

  it('requires every goto, then and exceeded to name a node', () => {
    const script = withGreet({
      branches: [
        { intent: 'yes', goto: 'pitchh' },
        { intent: 'no', goto: 'bye', maxRepeats: 1, exceeded: 'gone' },
      ],
      noInput: { then: 'nowhere' },
      noMatch: { then: 'bye' },
    });
    expect(codesAt(script)).toEqual([
      'UNKNOWN_NODE at nodes.greet.branches[0].goto',
      'UNKNOWN_NODE at nodes.greet.branches[1].exceeded',
      'UNKNOWN_NODE at nodes.greet.noInput.then',
    ]);
    expect(codesAt(withNodes({ pitch: { type: 'say', say: 'x', goto: 'end' } }))).toEqual([
      'UNKNOWN_NODE at nodes.pitch.goto',
    ]);
    expect(codesAt({ ...BASE, globals: [{ intent: 'busy', goto: 'bye', exceeded: 'x' }] })).toEqual([
      'UNKNOWN_NODE at globals[0].exceeded',
    ]);
    expect(codesAt({ ...BASE, knowledge: [{ intent: 'price', answer: 'Free.', then: 'x' }] })).toEqual([
      'UNKNOWN_NODE at knowledge[0].then',
    ]);
  });

  it('allows return in knowledge.then and globals.goto, repeat only in globals.goto', () => {
    const keywordsInPlace: ScriptInput = {
      ...BASE,
      globals: [
        { intent: 'busy', goto: 'return' },
        { intent: 'no', goto: 'repeat' },
      ],
      knowledge: [{ intent: 'price', answer: 'Free.', then: 'return' }],
    };
    expect(codesAt(keywordsInPlace)).toEqual([]);
    const misplaced = withGreet({ branches: [{ intent: 'yes', goto: 'return' }] });
    expect(only(validateScript(misplaced))).toMatchObject({
      path: 'nodes.greet.branches[0].goto',
      code: 'UNKNOWN_NODE',
      message: "'return' is not allowed here: it is only valid in knowledge[].then and globals[].goto",
    });
    const repeat = { ...BASE, knowledge: [{ intent: 'price', answer: 'Free.', then: 'repeat' }] };
    expect(only(validateScript(repeat)).message).toContain('only valid in globals[].goto');
  });

  it('requires onMaxRounds to name a hangup node', () => {
    expect(only(validateScript({ ...BASE, options: { onMaxRounds: 'pitch' } }))).toMatchObject({
      path: 'options.onMaxRounds',
      code: 'NOT_A_HANGUP',
    });
    expect(codesAt({ ...BASE, options: { onMaxRounds: 'bye' } })).toEqual([]);
  });

  it('requires every intent used to be defined', () => {
    const script: ScriptInput = {
      ...withGreet({ branches: [{ intent: 'yess', goto: 'pitch' }] }),
      globals: [{ intent: 'bussy', goto: 'bye' }],
      knowledge: [{ intent: 'cost', answer: 'Free.' }],
    };
    expect(codesAt(script)).toEqual([
      'UNKNOWN_INTENT at nodes.greet.branches[0].intent',
      'UNKNOWN_INTENT at knowledge[0].intent',
      'UNKNOWN_INTENT at globals[0].intent',
    ]);
    expect(errorsOf(script)[0]?.message).toContain("did you mean 'yes'?");
  });

  it('refuses an intent that has no way to match', () => {
    expect(only(validateScript({ ...BASE, intents: { ...BASE.intents, busy: {} } }))).toMatchObject({
      path: 'intents.busy',
      code: 'EMPTY_INTENT',
    });
  });

  it("compiles regexes with the matcher's flags iu and gives the engine's message", () => {
    const bad = { ...BASE, intents: { ...BASE.intents, busy: { regex: ['ok', '(unclosed'] } } };
    const issue = only(validateScript(bad));
    expect(issue).toMatchObject({ path: 'intents.busy.regex[1]', code: 'BAD_REGEX' });
    expect(issue.message).toContain('Invalid regular expression');
    // `\a` is a harmless escape without the u flag but an error with it.
    expect(() => /a/).not.toThrow();
    const unicodeOnly = { ...BASE, intents: { ...BASE.intents, busy: { regex: ['\\a'] } } };
    expect(only(validateScript(unicodeOnly)).code).toBe('BAD_REGEX');
  });

  it('refuses a node id that is a target keyword', () => {
    expect(codesAt(withNodes({ return: { type: 'hangup' } }))).toContain('RESERVED_ID at nodes.return');
  });

  it('refuses two branches of one node on the same intent', () => {
    const script = withGreet({
      branches: [
        { intent: 'yes', goto: 'pitch' },
        { intent: 'no', goto: 'bye' },
        { intent: 'yes', goto: 'bye' },
      ],
    });
    const issue = only(validateScript(script));
    expect(issue).toMatchObject({ path: 'nodes.greet.branches[2].intent', code: 'DUPLICATE_BRANCH' });
    expect(issue.message).toContain('branches[0]');
  });

  it('reports every problem at once, not only the first', () => {
    const script = { ...withGreet({ branches: [{ intent: 'nope', goto: 'nowhere' }] }), start: 'begin' };
    expect(codesAt(script)).toHaveLength(3);
  });
});

describe('validateScript: variables', () => {
  const say = (text: string) => withNodes({ pitch: { type: 'say', say: text, goto: 'bye' } });

  it('accepts declared variables in both syntaxes and variables set by a node', () => {
    expect(
      codesAt(say(`Hi \${name}, \${envVars['VENDOR_PARAM']['name']} and \${envVars["VENDOR_PARAM"]["name"]}`)),
    ).toEqual([]);
    const setByNode = withNodes({
      pitch: { type: 'say', say: 'Your plan: ${plan}', goto: 'bye', set: { plan: 'basic for ${name}' } },
    });
    expect(codesAt(setByNode)).toEqual([]);
  });

  it('refuses a variable that is neither declared nor set, wherever it is spoken', () => {
    expect(only(validateScript(say('Hi ${nmae}')))).toMatchObject({
      path: 'nodes.pitch.say',
      code: 'UNDECLARED_VARIABLE',
      message: "variable 'nmae' is not declared in variables nor set by any node; did you mean 'name'?",
    });
    const places: ScriptInput = {
      ...withGreet({
        branches: [{ intent: 'yes', say: 'OK ${a}', goto: 'pitch' }],
        noMatch: { say: ['Sorry ${b}'], then: 'bye' },
      }),
      knowledge: [{ intent: 'price', answer: 'It costs ${c}' }],
      globals: [{ intent: 'busy', say: 'Bye ${d}', goto: 'bye' }],
    };
    expect(codesAt(places)).toEqual([
      'UNDECLARED_VARIABLE at nodes.greet.branches[0].say',
      'UNDECLARED_VARIABLE at nodes.greet.noMatch.say[0]',
      'UNDECLARED_VARIABLE at knowledge[0].answer',
      'UNDECLARED_VARIABLE at globals[0].say',
    ]);
    const inSet = withNodes({ pitch: { type: 'say', say: 'x', goto: 'bye', set: { plan: '${tier}' } } });
    expect(codesAt(inSet)).toEqual(['UNDECLARED_VARIABLE at nodes.pitch.set.plan']);
    const inTarget = withNodes({ pitch: { type: 'transfer', target: 'queue-${team}' } });
    expect(codesAt(inTarget)).toEqual(['UNDECLARED_VARIABLE at nodes.pitch.target']);
  });

  it('refuses ${…} that is not a reference', () => {
    for (const text of ['Hi ${ name }', 'Hi ${name', "Hi ${envVars['OTHER']['name']}", 'Hi ${}']) {
      expect(only(validateScript(say(text))), text).toMatchObject({ path: 'nodes.pitch.say', code: 'BAD_VARIABLE' });
    }
    expect(codesAt(say('Costs $5, or {name}'))).toEqual([]);
  });

  it('refuses a variable declared twice', () => {
    const twice = { ...BASE, variables: [{ name: 'name' }, { name: 'name', fallback: 'x' }] };
    expect(codesAt(twice)).toEqual(['DUPLICATE_VARIABLE at variables[1].name']);
  });
});

describe('validateScript: reachability', () => {
  it('warns about a node no call can reach, and still accepts the script', () => {
    const result = validateScript(withNodes({ orphan: { type: 'hangup' } }));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([expect.objectContaining({ path: 'nodes.orphan', code: 'UNREACHABLE_NODE' })]);
  });

  it('counts nodes reached through globals, knowledge and onMaxRounds', () => {
    const script: ScriptInput = {
      ...withNodes({
        busyEnd: { type: 'hangup' },
        more: { type: 'hangup' },
        tooLong: { type: 'hangup' },
      }),
      globals: [{ intent: 'busy', goto: 'busyEnd' }],
      knowledge: [{ intent: 'price', answer: 'Free.', then: 'more' }],
      options: { onMaxRounds: 'tooLong' },
    };
    expect(validateScript(script).warnings).toEqual([]);
  });

  it('does not count globals when no reachable ask node listens for them', () => {
    const script: ScriptInput = {
      ...withNodes({ greet: { ...GREET, globals: false }, busyEnd: { type: 'hangup' } }),
      globals: [{ intent: 'busy', goto: 'busyEnd' }],
    };
    expect(validateScript(script).warnings.map((w) => w.path)).toEqual(['nodes.busyEnd']);
  });

  it('refuses a script where no call can reach a hangup or transfer node', () => {
    const loop: ScriptInput = {
      ...BASE,
      globals: [],
      knowledge: [],
      start: 'a',
      nodes: {
        a: { type: 'say', say: 'A', goto: 'b' },
        b: { type: 'ask', say: 'B?', branches: [{ intent: 'yes', goto: 'a' }] },
        end: { type: 'hangup' },
      },
    };
    const result = validateScript(loop);
    expect(only(result)).toMatchObject({ path: 'nodes', code: 'NO_END' });
    expect(result.warnings.map((w) => w.path)).toEqual(['nodes.end']);
    const transfer = { ...loop, nodes: { ...loop.nodes, b: { type: 'transfer', say: 'B', target: 'agents' } } };
    expect(validateScript(transfer).ok).toBe(true);
  });
});

describe('validateScript: grading expressions', () => {
  const graded: ScriptInput = {
    ...BASE,
    grading: {
      levels: [
        { level: 'A', when: 'affirmatives >= 2' },
        { level: 'C', when: 'refusals >=' },
      ],
      tags: [{ tag: 'keen', when: 'hit("yess")' }],
    },
  };

  it('reports what the checker refuses at the expression path, with its message', () => {
    const seen: string[] = [];
    const issues = errorsOf(graded, {
      checkExpression: (expression, script) => {
        seen.push(`${script.name}: ${expression}`);
        return expression.endsWith('>=') || expression.includes('yess') ? `cannot use '${expression}'` : null;
      },
    });
    expect(seen).toEqual(['Offer: affirmatives >= 2', 'Offer: refusals >=', 'Offer: hit("yess")']);
    expect(issues).toEqual([
      { path: 'grading.levels[1].when', code: 'BAD_EXPRESSION', message: "cannot use 'refusals >='" },
      { path: 'grading.tags[0].when', code: 'BAD_EXPRESSION', message: `cannot use 'hit("yess")'` },
    ]);
  });

  it('leaves expressions alone without a checker', () => {
    expect(validateScript(graded).ok).toBe(true);
  });
});
