import { describe, expect, it } from 'vitest';
import { compileScript } from '../../../src/robot/compileScript.js';
import { RobotError } from '../../../src/robot/errors.js';
import { gradeCall } from '../../../src/robot/grading/gradeCall.js';
import { checkGradingExpression } from '../../../src/robot/grading/gradingExpression.js';
import { parseScript } from '../../../src/robot/index.js';
import { startSession } from '../../../src/robot/runtime/session.js';
import { type Script, type ScriptInput, ScriptSchema } from '../../../src/robot/script/model.js';

const input: ScriptInput = {
  name: 'Rules',
  language: 'en',
  intents: { yes: { semantic: 'positive', keywords: ['yes'] } },
  start: 'offer',
  nodes: {
    offer: { type: 'ask', say: 'Interested?', tags: ['offered'], branches: [{ intent: 'yes', goto: 'bye' }] },
    bye: { type: 'hangup', say: 'Bye.' },
  },
};
const base: Script = ScriptSchema.parse(input);
const withLevel = (when: string): Script =>
  ScriptSchema.parse({ ...input, grading: { levels: [{ level: 'A', when }] } });

describe('checkGradingExpression', () => {
  it('accepts the language the rules are written in', () => {
    for (const expr of [
      'refusals <= 1 and businessHits >= 1',
      'not (affirmatives == 0) or ended in ("silence", "noMatch")',
      'status == "Busy" and answered == 0',
      'visited("bye") and hit("yes") and tagged("offered")',
      'outcome != "wrongPerson" and max(rounds, nodesPassed) > 2',
    ]) {
      expect(checkGradingExpression(expr, base), expr).toBeNull();
    }
  });

  it('catches a misspelt variable, suggesting the right one', () => {
    expect(checkGradingExpression('affirmative >= 1')).toMatch(
      /unknown variable "affirmative".*did you mean affirmatives/,
    );
    // Hidden behind a false condition, evaluation would never reach it: reading the tokens does.
    expect(checkGradingExpression('answered == 2 and refusls == 0')).toMatch(/refusls/);
  });

  it('catches unknown functions, bad arguments and misspelt values', () => {
    expect(checkGradingExpression('hits("yes")')).toMatch(/unknown function "hits".*did you mean hit/);
    expect(checkGradingExpression('visited(bye)')).toMatch(/visited\(\) takes one quoted name/);
    expect(checkGradingExpression('ended == "silense"')).toMatch(/"silense" is not a value.*did you mean silence/);
    expect(checkGradingExpression('status == "NoAnwser"')).toMatch(/did you mean NoAnswer/);
  });

  it('with the script, catches node ids, intents and tags it does not have', () => {
    expect(checkGradingExpression('visited("bey")', base)).toMatch(/no node "bey".*did you mean bye/);
    expect(checkGradingExpression('hit("yess")', base)).toMatch(/no intent "yess"/);
    expect(checkGradingExpression('tagged("ofered")', base)).toMatch(/no tag "ofered"/);
  });

  it('catches syntax errors and expressions that are not true or false', () => {
    expect(checkGradingExpression('affirmatives >= ')).toMatch(/not a valid expression/);
    expect(checkGradingExpression('affirmatives')).toMatch(/not true or false/);
    expect(checkGradingExpression('not answered')).toMatch(/logical value/);
    expect(checkGradingExpression('talkSeconds of status > 1')).toMatch(/"of" is not supported/);
  });
});

describe('grading expressions in compileScript and gradeCall', () => {
  it('compileScript refuses a bad rule, naming its path', () => {
    const bad = ScriptSchema.parse({
      ...input,
      grading: {
        levels: [
          { level: 'A', when: 'affirmatives >= 1' },
          { level: 'B', when: 'affirmative >= 1' },
        ],
      },
    });
    expect(() => compileScript(bad)).toThrow(RobotError);
    expect(() => compileScript(bad)).toThrow(/grading\.levels\[1\]\.when: unknown variable "affirmative"/);
    expect(() => compileScript(withLevel('visited("bey")'))).toThrow(/grading\.levels\[0\]\.when: .*no node "bey"/);
    const badTag = ScriptSchema.parse({ ...input, grading: { tags: [{ tag: 'x', when: 'round > 1' }] } });
    expect(() => compileScript(badTag)).toThrow(/grading\.tags\[0\]\.when/);
  });

  it('a rule failing while grading fails loudly instead of counting as false', () => {
    const compiled = compileScript(withLevel('if rounds > 5 then status > 1 else rounds < 0'));
    const { state } = startSession(compiled, {}, 0);
    const facts = { answered: true, status: 'Succeeded', talkSeconds: 10 };
    expect(gradeCall(compiled, state, facts).level).toBe('F');
    const long = { ...state, counters: { ...state.counters, rounds: 6 } };
    expect(() => gradeCall(compiled, long, facts)).toThrow(
      expect.objectContaining({ code: 'GRADING_FAILED', message: expect.stringContaining('grading.levels[0].when') }),
    );
  });

  it('the public parseScript reports a bad rule as a validation error at its path', () => {
    const text = JSON.stringify({ ...input, grading: { levels: [{ level: 'A', when: 'afirmatives > 0' }] } });
    const result = parseScript(text, { fileName: 'rules.json' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({ path: 'grading.levels[0].when', message: expect.stringContaining('afirmatives') }),
    ]);
  });
});
