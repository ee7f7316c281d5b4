// biome-ignore-all lint/suspicious/noThenProperty: `then` is a script field, never awaited
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: prompts hold ${name} variable references
import { describe, expect, it } from 'vitest';
import { gradeCall } from '../../../src/robot/grading/gradeCall.js';
import { startSession, step } from '../../../src/robot/runtime/session.js';
import type { StepResult, TurnInput } from '../../../src/robot/runtime/types.js';
import type { ScriptInput } from '../../../src/robot/script/model.js';
import { compile } from './scripts.js';

const T0 = Date.UTC(2026, 2, 2, 2, 0);

const reminder: ScriptInput = {
  name: '信用卡还款提醒',
  language: 'zh',
  variables: [{ name: '客户姓名' }, { name: '金额', fallback: '本期' }],
  intents: {
    itsMe: { keywords: ['是我', '我是', '本人'] },
    wrongPerson: { keywords: ['不是本人', '打错了', '不认识'] },
    agree: { semantic: 'positive', keywords: ['好的', '可以', '需要', '马上还'] },
    refuse: { semantic: 'negative', keywords: ['不需要', '不用', '没钱', '不还'] },
    interest: { keywords: ['利息', '手续费'] },
    busy: { keywords: ['在忙', '没空', '开会'] },
  },
  globals: [{ intent: 'busy', say: '不好意思打扰了。', goto: 'byeBusy' }],
  knowledge: [{ intent: 'interest', answer: '逾期会产生利息，请尽快还款。' }],
  start: 'greet',
  nodes: {
    greet: {
      type: 'ask',
      say: '您好，请问是${客户姓名}本人吗？',
      branches: [
        { intent: 'wrongPerson', goto: 'byeWrong' },
        { intent: 'itsMe', goto: 'remind' },
      ],
    },
    remind: {
      type: 'ask',
      say: '您的账单${金额}元已到期，今天方便还款吗？',
      branches: [
        { intent: 'agree', goto: 'byeThanks' },
        { intent: 'refuse', goto: 'byeRefused' },
      ],
      noInput: { say: ['喂，您还在听吗？'], retries: 1, then: 'byeSilent' },
    },
    byeThanks: { type: 'hangup', say: '感谢您的配合，再见。', tags: ['promisedToPay'] },
    byeRefused: { type: 'hangup', say: '请您尽快处理，再见。', outcome: 'refused' },
    byeWrong: { type: 'hangup', say: '抱歉打扰了。', outcome: 'wrongPerson' },
    byeBusy: { type: 'hangup', say: '那我稍后再联系您。', outcome: 'busy' },
    byeSilent: { type: 'hangup', say: '我们稍后再联系您，再见。', outcome: 'noResponse' },
  },
};

const compiled = compile(reminder);
const said = (text: string, at = T0 + 4_000): TurnInput => ({ kind: 'text', text, at });

function run(turns: TurnInput[]): StepResult {
  let result = startSession(compiled, { 客户姓名: '王先生', 金额: '3200' }, T0);
  for (const turn of turns) result = step(compiled, result.state, turn);
  return result;
}

const grade = (result: StepResult) =>
  gradeCall(compiled, result.state, { answered: true, status: 'Succeeded', talkSeconds: 40 });

describe('a Chinese script', () => {
  it('fills Chinese variable names and answers a knowledge question before returning', () => {
    const first = startSession(compiled, { 客户姓名: '王先生', 金额: '3200' }, T0);
    expect(first.output.say).toEqual(['您好，请问是王先生本人吗？']);
    const { output } = run([said('对，是我'), said('利息怎么算？')]);
    expect(output.say).toEqual(['逾期会产生利息，请尽快还款。', '您的账单3200元已到期，今天方便还款吗？']);
  });

  it('hears 不需要 as a refusal, not as 需要, and grades it C(明确拒绝)', () => {
    const result = run([said('是我'), said('不需要，没钱')]);
    expect(result.output.understood?.match?.intent).toBe('refuse');
    expect(result.state.counters).toMatchObject({ refusals: 1, affirmatives: 0 });
    expect(grade(result)).toEqual({
      level: 'C',
      label: 'C(明确拒绝)',
      rule: '拒绝次数 >= 1 次 并且 肯定次数 = 0 次',
      tags: [],
    });
  });

  it('hears 需要 as agreement and grades a promise B with its tag', () => {
    const result = run([said('我是'), said('需要，我马上还')]);
    expect(result.output.say).toEqual(['感谢您的配合，再见。']);
    const g = grade(result);
    expect(g.level).toBe('B');
    expect(g.label).toBe('B(可能有意向)');
    expect(g.tags).toEqual(['promisedToPay']);
  });

  it('grades the wrong person F(无效客户)', () => {
    const result = run([said('不是本人，你打错了')]);
    expect(result.state.nodeId).toBe('byeWrong');
    expect(grade(result).label).toBe('F(无效客户)');
  });

  it('goes to the silence hangup after its retry and grades it F', () => {
    const result = run([said('是我'), { kind: 'silence', at: T0 + 9_000 }, { kind: 'silence', at: T0 + 15_000 }]);
    expect(result.output.say).toEqual(['我们稍后再联系您，再见。']);
    expect(result.state.ended).toBe('silence');
    expect(grade(result).level).toBe('F');
  });

  it('a busy caller is graded D(用户忙)', () => {
    const result = run([said('我在开会')]);
    expect(result.output.say).toEqual(['不好意思打扰了。', '那我稍后再联系您。']);
    expect(grade(result).label).toBe('D(用户忙)');
  });
});
