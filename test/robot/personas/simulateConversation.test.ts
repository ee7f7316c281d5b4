import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../src/core/random.js';
import { RobotError } from '../../../src/robot/errors.js';
import { gradeCall } from '../../../src/robot/grading/gradeCall.js';
import { createPersona, type Persona, simulateConversation } from '../../../src/robot/personas/index.js';
import type { RobotOutput, SessionState, TurnInput } from '../../../src/robot/runtime/types.js';
import { loadExampleScript, SAMPLE_JOBS } from '../corpus/exampleScripts.js';

const T0 = Date.UTC(2026, 2, 16, 2, 0, 0);
const debt = loadExampleScript('debt-reminder.zh.yaml').compiled;
const identity = loadExampleScript('identity-check.zh.yaml').compiled;

/** A persona that replies with the given turns in order, recording the times it was asked at. */
function scripted(replies: ((at: number) => TurnInput)[]): Persona & { askedAt: number[]; outputs: RobotOutput[] } {
  const askedAt: number[] = [];
  const outputs: RobotOutput[] = [];
  return {
    name: 'scripted',
    askedAt,
    outputs,
    reply(_state: SessionState, output: RobotOutput, at: number) {
      askedAt.push(at);
      outputs.push(output);
      const next = replies[askedAt.length - 1] ?? ((t: number) => ({ kind: 'hangup', at: t + 1000 }) as const);
      return next(at);
    },
  };
}

const chars = (texts: readonly string[]) => texts.reduce((n, t) => n + [...t].length, 0);

describe('simulateConversation', () => {
  it('lets the robot speak at about 4 Mandarin characters a second before the caller answers', () => {
    const persona = scripted([(at) => ({ kind: 'hangup', at: at + 1000 })]);
    simulateConversation(debt, SAMPLE_JOBS['debt-reminder.zh.yaml']!, persona, T0, createSeededRandom(3));
    const greeting = chars(persona.outputs[0]!.say);
    const spokeMs = persona.askedAt[0]! - T0;
    // The voice's rate is drawn within ±10% of 4 characters a second.
    expect(spokeMs).toBeGreaterThanOrEqual((greeting / 4.4) * 1000 - 1);
    expect(spokeMs).toBeLessThanOrEqual((greeting / 3.6) * 1000 + 1);
  });

  it('counts silences at the script’s timeout in the talk time', () => {
    const random = createSeededRandom(11);
    const call = simulateConversation(
      identity,
      SAMPLE_JOBS['identity-check.zh.yaml']!,
      scripted([0, 1, 2].map(() => (at: number) => ({ kind: 'silence', at: at + 6000 }))),
      T0,
      random,
    );
    expect(call.state.ended).toBe('silence');
    const robotChars = chars(call.state.transcript.filter((l) => l.speaker === 'robot').map((l) => l.text));
    const expectedSeconds = 3 * 6 + robotChars / 4;
    expect(call.talkSeconds).toBeGreaterThan(expectedSeconds * 0.85);
    expect(call.talkSeconds).toBeLessThan(expectedSeconds * 1.15);
  });

  it('grades the call as answered and Succeeded with its talk time', () => {
    const random = createSeededRandom(5);
    const call = simulateConversation(
      debt,
      SAMPLE_JOBS['debt-reminder.zh.yaml']!,
      createPersona('interested', debt, random),
      T0,
      random,
    );
    expect(call.grade).toEqual(
      gradeCall(debt, call.state, { answered: true, status: 'Succeeded', talkSeconds: call.talkSeconds }),
    );
    expect(call.talkSeconds).toBeGreaterThan(0);
  });

  it('lets the robot finish a prompt the caller talked over where it may not be interrupted', () => {
    const persona = scripted([
      (at) => ({ kind: 'text', text: '是我', at: at + 1500 }),
      (at) => ({ kind: 'text', text: '我已经还了', at: at - 4000, interrupted: true }),
      (at) => ({ kind: 'text', text: '我已经还了', at: at + 2000 }),
    ]);
    const call = simulateConversation(debt, SAMPLE_JOBS['debt-reminder.zh.yaml']!, persona, T0, createSeededRandom(9));
    expect(call.state.counters.interruptions).toBe(1);
    expect(call.state.visited).toContain('end_paid');
    // After the ignored interruption the caller is next asked when the statement has finished, as before it.
    expect(persona.outputs[2]!.say).toEqual([]);
    expect(persona.askedAt[2]).toBe(persona.askedAt[1]);
  });

  it('ends the talk time at the caller’s hang-up', () => {
    const persona = scripted([(at) => ({ kind: 'hangup', at: at + 2400 })]);
    const call = simulateConversation(debt, SAMPLE_JOBS['debt-reminder.zh.yaml']!, persona, T0, createSeededRandom(2));
    expect(call.state.ended).toBe('callerHungUp');
    expect(call.talkSeconds).toBe(Math.round((persona.askedAt[0]! + 2400 - T0) / 1000));
  });

  it('refuses a job missing a variable that has no fallback', () => {
    const { amount: _amount, ...job } = SAMPLE_JOBS['debt-reminder.zh.yaml']!;
    const random = createSeededRandom(1);
    const run = () => simulateConversation(debt, job, createPersona('interested', debt, random), T0, random);
    expect(run).toThrow(RobotError);
    expect(run).toThrow(/amount/);
  });

  it('stops a call that would never end', () => {
    const persona: Persona = {
      name: 'talks-over-everything',
      reply: (state, _output, at) =>
        state.nodeId === 'greet'
          ? { kind: 'text', text: '是我', at: at + 1000 }
          : { kind: 'text', text: '等一下', at: at - 500, interrupted: true },
    };
    const run = () =>
      simulateConversation(debt, SAMPLE_JOBS['debt-reminder.zh.yaml']!, persona, T0, createSeededRandom(4));
    expect(run).toThrow(expect.objectContaining({ code: 'SIMULATION_RUNAWAY' }));
  });
});
