// biome-ignore-all lint/suspicious/noThenProperty: `then` is a script field, never awaited
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: prompts hold ${name} variable references
import { describe, expect, it } from 'vitest';
import { LONG_PROMPT_CHARS, lintScript } from '../../../src/robot/script/lintScript.js';
import type { Script, ScriptInput } from '../../../src/robot/script/model.js';
import { validateScript } from '../../../src/robot/script/parseScript.js';
import { BASE, GREET, withGreet, withNodes } from './scriptFixtures.js';

function valid(input: ScriptInput): Script {
  const result = validateScript(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.script;
}

const lint = (input: ScriptInput) => lintScript(valid(input));
const codesAt = (input: ScriptInput) => lint(input).map((i) => `${i.code} at ${i.path}`);

describe('lintScript', () => {
  it('finds nothing in a tidy script', () => {
    expect(lint(BASE)).toEqual([]);
  });

  it('warns about an intent nothing uses', () => {
    expect(codesAt({ ...BASE, intents: { ...BASE.intents, maybe: { keywords: ['maybe'] } } })).toEqual([
      'UNUSED_INTENT at intents.maybe',
    ]);
  });

  it('warns about a global or knowledge entry an earlier entry already takes', () => {
    const script = { ...BASE, globals: [...(BASE.globals ?? []), { intent: 'price', goto: 'bye' }] };
    const [issue] = lint(script);
    expect(issue).toMatchObject({ code: 'SHADOWED_INTENT', path: 'globals[1].intent' });
    expect(issue?.message).toContain('knowledge[0]');
  });

  describe('keywords of two intents on one node', () => {
    it('says which intent wins when one keyword contains the other', () => {
      const script: ScriptInput = {
        ...BASE,
        intents: {
          ...BASE.intents,
          yes: { semantic: 'positive', keywords: ['interested', 'yes'] },
          no: { semantic: 'negative', keywords: ['not interested'] },
        },
      };
      const [issue, ...rest] = lint(script);
      expect(rest).toEqual([]);
      expect(issue).toMatchObject({ code: 'OVERLAPPING_KEYWORD', path: 'intents.yes.keywords[0]' });
      expect(issue?.message).toContain("an answer saying 'not interested' goes to 'no'");
    });

    it('compares Chinese keywords by characters and English ones by whole words', () => {
      const zh: ScriptInput = {
        ...BASE,
        language: 'zh',
        intents: { ...BASE.intents, yes: { keywords: ['需要'] }, no: { keywords: ['不需要'] } },
      };
      expect(codesAt(zh)).toEqual(['OVERLAPPING_KEYWORD at intents.yes.keywords[0]']);
      // "interested" is not the word "uninterested".
      const en = {
        ...BASE,
        intents: { ...BASE.intents, yes: { keywords: ['interested'] }, no: { keywords: ['uninterested'] } },
      };
      expect(codesAt(en)).toEqual([]);
    });

    it('warns when two intents share a keyword, naming the one that comes first', () => {
      const script = { ...BASE, intents: { ...BASE.intents, no: { keywords: ['no', 'Sure'] } } };
      const [issue] = lint(script);
      expect(issue).toMatchObject({ code: 'OVERLAPPING_KEYWORD', path: 'intents.no.keywords[1]' });
      expect(issue?.message).toContain("also a keyword of 'yes', which comes first");
    });

    it('includes global and knowledge intents only on nodes that listen for them, once per pair', () => {
      const overlap = { ...BASE.intents, price: { keywords: ['yes how much'] } };
      expect(codesAt({ ...BASE, intents: overlap })).toEqual(['OVERLAPPING_KEYWORD at intents.yes.keywords[0]']);
      const closed = { ...withGreet({ globals: false }), intents: overlap };
      expect(codesAt(closed)).toEqual([]);
      const twoNodes = {
        ...withNodes({ again: { ...GREET, say: 'Again?' }, pitch: { type: 'say', say: 'x', goto: 'again' } }),
        intents: overlap,
      };
      expect(codesAt(twoNodes)).toEqual(['OVERLAPPING_KEYWORD at intents.yes.keywords[0]']);
    });
  });

  it(`warns about spoken text over ${LONG_PROMPT_CHARS} characters, counting characters not bytes`, () => {
    const long = '很'.repeat(LONG_PROMPT_CHARS + 1);
    expect(codesAt(withNodes({ pitch: { type: 'say', say: long, goto: 'bye' } }))).toEqual([
      'LONG_PROMPT at nodes.pitch.say',
    ]);
    const atLimit = '很'.repeat(LONG_PROMPT_CHARS);
    expect(codesAt({ ...BASE, knowledge: [{ intent: 'price', answer: atLimit }] })).toEqual([]);
  });

  it('warns about an ask node without retry rules, naming the defaults that apply', () => {
    const { noInput: _i, noMatch: _m, ...bare } = GREET;
    const [issue] = lint(withNodes({ greet: bare }));
    expect(issue).toMatchObject({ code: 'NO_RETRY_RULE', path: 'nodes.greet' });
    expect(issue?.message).toMatch(/noInput .*silence.* noMatch .*noMatch/);
    const halfway = lint(withNodes({ greet: { ...bare, noMatch: { then: 'bye' } } }));
    expect(halfway.map((i) => i.message)).toEqual([expect.not.stringContaining('no noMatch')]);
  });

  it('warns about a variable declared but never spoken or set', () => {
    const script = { ...BASE, variables: [...(BASE.variables ?? []), { name: 'plan' }] };
    expect(codesAt(script)).toEqual(['UNUSED_VARIABLE at variables[1]']);
    const usedInSet = withNodes({ pitch: { type: 'say', say: 'x', goto: 'bye', set: { tier: '${plan}' } } });
    expect(codesAt({ ...usedInSet, variables: script.variables })).toEqual([]);
  });

  it('warns about a global that jumps to a node that does not end the call, without maxRepeats', () => {
    const script = { ...BASE, globals: [{ intent: 'busy', goto: 'pitch' }] };
    const [issue] = lint(script);
    expect(issue).toMatchObject({ code: 'UNBOUNDED_GLOBAL', path: 'globals[0].goto' });
    expect(issue?.message).toContain('3 times');
    const bounded = { ...BASE, globals: [{ intent: 'busy', goto: 'pitch', maxRepeats: 1, exceeded: 'bye' }] };
    expect(lint(bounded)).toEqual([]);
    const keywords = { ...BASE, globals: [{ intent: 'busy', goto: 'return' }] };
    expect(lint(keywords)).toEqual([]);
  });
});
