// biome-ignore-all lint/suspicious/noTemplateCurlyInString: prompts hold ${name} variable references
import { describe, expect, it } from 'vitest';
import { RobotError } from '../../../src/robot/errors.js';
import {
  fillVariables,
  findMalformedVariables,
  findVariableRefs,
  VARIABLE_PATTERN,
} from '../../../src/robot/script/variables.js';

describe('findVariableRefs', () => {
  it('finds ${name} and both quote styles of envVars, with offsets covering the reference', () => {
    const text = `Hi \${name}, you owe \${envVars['VENDOR_PARAM']['amount']} by \${envVars["VENDOR_PARAM"]["due"]}.`;
    const refs = findVariableRefs(text);
    expect(refs.map((r) => [r.name, r.syntax])).toEqual([
      ['name', 'plain'],
      ['amount', 'envVars'],
      ['due', 'envVars'],
    ]);
    expect(refs.map((r) => text.slice(r.start, r.end))).toEqual([
      '${name}',
      "${envVars['VENDOR_PARAM']['amount']}",
      '${envVars["VENDOR_PARAM"]["due"]}',
    ]);
  });

  it('accepts Chinese variable names and ignores $ and braces that are not references', () => {
    expect(findVariableRefs('${客户姓名}您好').map((r) => r.name)).toEqual(['客户姓名']);
    expect(findVariableRefs('costs $5 {name} $name')).toEqual([]);
  });

  it('agrees with VARIABLE_PATTERN used with matchAll and replace', () => {
    const text = "${a} and ${envVars['VENDOR_PARAM']['b']} and ${ c }";
    expect([...text.matchAll(VARIABLE_PATTERN)].map((m) => m[1] ?? m[4])).toEqual(['a', 'b']);
    expect(text.replace(VARIABLE_PATTERN, '_')).toBe('_ and _ and ${ c }');
  });
});

describe('findMalformedVariables', () => {
  it('finds each ${ that does not start a reference', () => {
    const text = "A ${ name } B ${envVars['X']['y']} C ${ok} D ${unclosed";
    expect(findMalformedVariables(text).map((m) => m.text)).toEqual([
      '${ name }',
      "${envVars['X']['y']}",
      '${unclosed',
    ]);
  });
});

describe('fillVariables', () => {
  it('puts values into both syntaxes and leaves other text alone', () => {
    const text = "${name}，您本期应还${envVars['VENDOR_PARAM']['amount']}元。";
    expect(fillVariables(text, { name: '张先生', amount: '1,200' })).toBe('张先生，您本期应还1,200元。');
    expect(fillVariables('no variables here', {})).toBe('no variables here');
  });

  it('does not expand references that come inside a value', () => {
    expect(fillVariables('Hi ${name}', { name: '${other}', other: 'x' })).toBe('Hi ${other}');
  });

  it('throws MISSING_VARIABLE naming the variable instead of speaking "undefined"', () => {
    const thrown = (() => {
      try {
        return fillVariables('Hi ${name}, ${plan}', { name: 'Ann' });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(RobotError);
    expect(thrown).toMatchObject({ code: 'MISSING_VARIABLE', message: expect.stringContaining("'plan'") });
  });

  it('does not take values from the object prototype', () => {
    expect(() => fillVariables('${constructor}', {})).toThrow(/'constructor'/);
  });
});
