// biome-ignore-all lint/suspicious/noTemplateCurlyInString: prompts hold ${name} variable references
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { ScriptIssue } from '../../../src/robot/script/issues.js';
import { parseScript, validateScript } from '../../../src/robot/script/parseScript.js';
import { BASE, withGreet } from './scriptFixtures.js';

function errorsOf(text: string, fileName?: string): ScriptIssue[] {
  const result = parseScript(text, fileName === undefined ? {} : { fileName });
  return result.ok ? [] : result.errors;
}

/** 1-based line of the first line of `text` containing `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const YAML_SCRIPT = `# a comment
name: Offer
language: en
variables:
  - name: name
    fallback: there
intents:
  yes: { semantic: positive, keywords: [yes, sure] }
  no: { semantic: negative, keywords: ['no'] }
start: greet
nodes:
  greet:
    type: ask
    say: Hi \${name}, do you have a minute?
    branches:
      - intent: yes
        goto: pitch
      - intent: no
        goto: bye
  pitch: { type: say, say: Great., goto: bye }
  bye: { type: hangup, say: Goodbye. }
`;

describe('parseScript: reading JSON and YAML', () => {
  it('reads the same script from JSON and from YAML', () => {
    const expected = validateScript(BASE);
    expect(expected.ok).toBe(true);
    const fromJson = parseScript(JSON.stringify(BASE, null, 2), { fileName: 'offer.json' });
    const fromYaml = parseScript(stringify(BASE), { fileName: 'offer.yaml' });
    expect(fromJson).toEqual(expected);
    expect(fromYaml).toEqual(expected);
  });

  it('round-trips a parsed script through JSON and YAML to the same script', () => {
    const first = parseScript(YAML_SCRIPT, { fileName: 'offer.yml' });
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    expect(first.script.nodes.greet).toMatchObject({ say: 'Hi ${name}, do you have a minute?' });
    const again = [
      parseScript(JSON.stringify(first.script), { fileName: 'x.json' }),
      parseScript(stringify(first.script), { fileName: 'x.yaml' }),
    ];
    for (const result of again) expect(result).toEqual(first);
  });

  it('without a file name, reads text starting with { as JSON and anything else as YAML', () => {
    expect(parseScript(`  \n${JSON.stringify(BASE)}`).ok).toBe(true);
    expect(parseScript(YAML_SCRIPT).ok).toBe(true);
    // JSON rules apply to JSON: a trailing comma is a syntax error there, though YAML would accept it.
    const trailing = '{"name": "x",}';
    expect(errorsOf(trailing)[0]?.code).toBe('SYNTAX');
    expect(errorsOf(trailing, 'x.yaml')[0]?.code).not.toBe('SYNTAX');
  });

  it('ignores a byte order mark', () => {
    expect(parseScript(`\uFEFF${YAML_SCRIPT}`, { fileName: 'offer.yaml' }).ok).toBe(true);
    expect(parseScript(`\uFEFF${JSON.stringify(BASE)}`, { fileName: 'offer.json' }).ok).toBe(true);
  });
});

describe('parseScript: syntax errors', () => {
  it('shows the line and column of a YAML syntax error', () => {
    const broken = YAML_SCRIPT.replace('keywords: [yes, sure] }', 'keywords: [yes, sure }');
    const [issue, ...more] = errorsOf(broken, 'offer.yaml');
    expect(more).toEqual([]);
    expect(issue).toMatchObject({ path: '', code: 'SYNTAX', line: lineOf(broken, 'yes, sure }') });
    expect(issue?.message).toMatch(/^invalid YAML: .+ at line \d+:\d+$/);
    expect(issue?.message).toContain(`line ${issue?.line}:${issue?.column}`);
  });

  it('refuses duplicate keys in YAML', () => {
    const twice = YAML_SCRIPT.replace('language: en\n', 'language: en\nlanguage: zh\n');
    expect(errorsOf(twice, 'offer.yaml')[0]).toMatchObject({ code: 'SYNTAX', line: 4, column: 1 });
  });

  it('refuses several YAML documents in one file', () => {
    expect(errorsOf(`${YAML_SCRIPT}---\nname: second\n`, 'offer.yaml')[0]?.code).toBe('SYNTAX');
  });

  it('shows the line and column of a JSON syntax error', () => {
    const text = '{\n  "name": "Offer",\n  "language": "en"\n  "start": "greet"\n}';
    const [issue] = errorsOf(text, 'offer.json');
    // The missing comma is noticed at the next property, line 4 column 3.
    expect(issue).toMatchObject({ code: 'SYNTAX', path: '', line: 4, column: 3 });
    expect(issue?.message).toMatch(/^invalid JSON: .+ at line 4:3$/);
  });

  it('reports an empty file as a missing script, not a crash', () => {
    const [issue] = errorsOf('', 'empty.yaml');
    expect(issue).toMatchObject({ path: '', code: 'INVALID' });
    expect(issue?.message).toContain('expected an object');
  });
});

describe('parseScript: issues point at their line', () => {
  it('gives each YAML issue the line of the field it names', () => {
    const text = YAML_SCRIPT.replace('goto: pitch', 'goto: pich').replace(
      'fallback: there',
      'fallback: there\n    extra: 1',
    );
    const errors = errorsOf(text, 'offer.yaml');
    expect(errors.map((e) => [e.code, e.path, e.line])).toEqual([
      ['UNKNOWN_FIELD', 'variables[0].extra', lineOf(text, 'extra: 1')],
    ]);
    const next = errorsOf(YAML_SCRIPT.replace('goto: pitch', 'goto: pich'), 'offer.yaml');
    expect(next).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_NODE', path: 'nodes.greet.branches[0].goto', line: 17, column: 9 }),
    ]);
  });

  it('gives issues in a JSON file their line too', () => {
    const text = JSON.stringify(withGreet({ branches: [{ intent: 'yes', goto: 'nowhere' }] }), null, 2);
    const [issue] = errorsOf(text, 'offer.json');
    expect(issue).toMatchObject({ code: 'UNKNOWN_NODE', line: lineOf(text, '"nowhere"') });
  });

  it('points a missing field at the object that lacks it', () => {
    const text = YAML_SCRIPT.replace('      - intent: no\n        goto: bye\n', '      - intent: no\n');
    const [issue] = errorsOf(text, 'offer.yaml');
    expect(issue).toMatchObject({ code: 'MISSING_FIELD', path: 'nodes.greet.branches[1].goto' });
    expect(issue?.line).toBe(lineOf(text, '- intent: no'));
  });

  it('lists issues in source order, warnings with lines too', () => {
    // Checked in the order references, then intents; written the other way round.
    const text = YAML_SCRIPT.replace('start: greet', '  maybe: {}\nstart: greet').replace(
      'goto: bye\n  pitch',
      'goto: byee\n  pitch',
    );
    const errors = errorsOf(text, 'o.yaml');
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      ['EMPTY_INTENT', lineOf(text, 'maybe: {}')],
      ['UNKNOWN_NODE', lineOf(text, 'goto: byee')],
    ]);
    const valid = parseScript(`${YAML_SCRIPT}  orphan: { type: hangup }\n`, { fileName: 'o.yaml' });
    expect(valid.warnings).toEqual([
      expect.objectContaining({ code: 'UNREACHABLE_NODE', line: lineOf(YAML_SCRIPT, 'bye: {') + 1, column: 3 }),
    ]);
  });
});
