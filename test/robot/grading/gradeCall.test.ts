import { describe, expect, it } from 'vitest';
import type { CompiledScript } from '../../../src/robot/compileScript.js';
import { gradeCall } from '../../../src/robot/grading/gradeCall.js';
import { startSession } from '../../../src/robot/runtime/session.js';
import type { CallFacts, Counters, SessionState } from '../../../src/robot/runtime/types.js';
import type { ScriptInput } from '../../../src/robot/script/model.js';
import { compile } from '../runtime/scripts.js';

function script(language: 'zh' | 'en', grading?: ScriptInput['grading']): ScriptInput {
  return {
    name: 'Grading',
    language,
    intents: {
      yes: { semantic: 'positive', keywords: ['yes'] },
      busy: { keywords: ['busy'] },
    },
    start: 'ask',
    nodes: {
      ask: { type: 'ask', say: 'Interested?', tags: ['asked'], branches: [{ intent: 'yes', goto: 'bye' }] },
      bye: { type: 'hangup', say: 'Bye.', tags: ['reachedEnd'] },
      wrong: { type: 'hangup', say: 'Sorry.', outcome: 'wrongPerson' },
    },
    ...(grading === undefined ? {} : { grading }),
  };
}

const ANSWERED: CallFacts = { answered: true, status: 'Succeeded', talkSeconds: 30 };

function called(
  compiled: CompiledScript,
  change: { counters?: Partial<Counters> } & Partial<Omit<SessionState, 'counters'>> = {},
): SessionState {
  const { state } = startSession(compiled, {}, 0);
  return { ...state, ...change, counters: { ...state.counters, ...change.counters } };
}

describe('default level rules (BaiYing)', () => {
  const zh = compile(script('zh'));
  const en = compile(script('en'));
  const level = (state: SessionState | null, facts: CallFacts = ANSWERED) => gradeCall(zh, state, facts).level;

  it('E: not answered because the number or line failed', () => {
    for (const status of ['EmptyNumber', 'OutOfService', 'NotExist', 'CallerNotRegistered']) {
      expect(level(null, { answered: false, status, talkSeconds: 0 })).toBe('E');
    }
    const g = gradeCall(zh, null, { answered: false, status: 'InArrears', talkSeconds: 0 });
    expect(g.label).toBe('E(拨打失败)');
  });

  it('D: not answered for other reasons, or the contact was busy', () => {
    for (const status of ['Busy', 'NoAnswer', 'PoweredOff']) {
      expect(level(null, { answered: false, status, talkSeconds: 0 })).toBe('D');
    }
    expect(level(called(zh, { hits: ['busy'], ended: 'completed' }))).toBe('D');
  });

  it('F: wrong person, or silence with no affirmative', () => {
    expect(level(called(zh, { nodeId: 'wrong', ended: 'completed' }))).toBe('F');
    expect(level(called(zh, { ended: 'silence' }))).toBe('F');
    expect(level(called(zh, { ended: 'silence', counters: { affirmatives: 1 } }))).toBe('B');
  });

  it('C: refused without any affirmative, and C when no rule holds', () => {
    const refused = gradeCall(zh, called(zh, { ended: 'completed', counters: { refusals: 1 } }), ANSWERED);
    expect(refused).toMatchObject({ level: 'C', rule: '拒绝次数 >= 1 次 并且 肯定次数 = 0 次' });
    const nothing = gradeCall(zh, called(zh, { ended: 'callerHungUp' }), ANSWERED);
    expect(nothing).toMatchObject({ level: 'C', rule: 'fallback' });
  });

  it('A: two affirmatives, or one with a business question, and no refusal', () => {
    expect(level(called(zh, { counters: { affirmatives: 2 } }))).toBe('A');
    expect(level(called(zh, { counters: { affirmatives: 1, businessHits: 1 } }))).toBe('A');
    expect(level(called(zh, { counters: { affirmatives: 2, refusals: 1 } }))).toBe('B');
  });

  it('B: one affirmative or one business question', () => {
    expect(level(called(zh, { counters: { affirmatives: 1 } }))).toBe('B');
    expect(level(called(zh, { counters: { businessHits: 1 } }))).toBe('B');
  });

  it('labels and rule texts follow the script language', () => {
    const g = gradeCall(en, called(en, { counters: { affirmatives: 2 } }), ANSWERED);
    expect(g.label).toBe('A (clear interest)');
    expect(g.rule).toContain('affirmatives >= 2');
    expect(gradeCall(zh, called(zh, { counters: { affirmatives: 2 } }), ANSWERED).label).toBe('A(有明确意向)');
  });

  it('tags: the tags of the nodes entered', () => {
    expect(gradeCall(zh, called(zh), ANSWERED).tags).toEqual(['asked']);
    expect(gradeCall(zh, null, { answered: false, status: 'Busy', talkSeconds: 0 }).tags).toEqual([]);
  });
});

describe('custom rules', () => {
  const compiled = compile(
    script('en', {
      levels: [
        { level: 'A', when: 'tagged("longTalk") and hit("yes")', describe: 'long and willing' },
        { level: 'B', when: 'visited("bye")' },
        { level: 'D', when: 'talkSeconds < 5 and answered == 1' },
      ],
      fallback: 'E',
      labels: { A: 'Hot lead' },
      tags: [
        { tag: 'longTalk', when: 'talkSeconds >= 60' },
        { tag: 'quick', when: 'rounds <= 1' },
      ],
    }),
  );

  it('uses visited, hit and tagged; describe or the expression is the rule shown', () => {
    const willing = called(compiled, { hits: ['yes'], visited: ['ask', 'bye'] });
    expect(gradeCall(compiled, willing, { ...ANSWERED, talkSeconds: 90 })).toEqual({
      level: 'A',
      label: 'Hot lead',
      rule: 'long and willing',
      tags: ['asked', 'longTalk', 'quick'],
    });
    const g = gradeCall(compiled, willing, ANSWERED);
    expect(g).toMatchObject({ level: 'B', label: 'B (possible interest)', rule: 'visited("bye")' });
    expect(g.tags).toEqual(['asked', 'quick']);
  });

  it('falls back to the script fallback when no rule holds', () => {
    expect(gradeCall(compiled, called(compiled), ANSWERED)).toMatchObject({ level: 'E', rule: 'fallback' });
    expect(gradeCall(compiled, called(compiled), { ...ANSWERED, talkSeconds: 2 }).level).toBe('D');
  });
});
