import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompiledScript } from '../../../src/robot/compileScript.js';
import { RobotError } from '../../../src/robot/errors.js';
import { gradeCall } from '../../../src/robot/grading/gradeCall.js';
import { startSession, step } from '../../../src/robot/runtime/session.js';
import type { SessionState, TurnInput } from '../../../src/robot/runtime/types.js';
import { type CorpusTurn, type Dialogue, parseCorpus } from './corpusFile.js';
import { CORPUS_DIR, listExampleScripts, loadExampleScript } from './exampleScripts.js';

const T0 = Date.UTC(2026, 2, 16, 2, 0, 0);
/** Time a spoken or keyed answer takes in these dialogues; silence takes the script's timeout. */
const TURN_MS = 4000;

function toInput(turn: CorpusTurn, at: number): TurnInput {
  if ('say' in turn)
    return turn.interrupted
      ? { kind: 'text', text: turn.say, at, interrupted: true }
      : { kind: 'text', text: turn.say, at };
  if ('dtmf' in turn) return { kind: 'dtmf', digits: turn.dtmf, at };
  if ('silence' in turn) return { kind: 'silence', at };
  return { kind: 'hangup', at };
}

/** Plays the dialogue's turns against the robot until the call ends; extra turns are an error. */
function play(compiled: CompiledScript, dialogue: Dialogue): SessionState {
  let { state } = startSession(compiled, dialogue.variables, T0);
  let at = T0;
  dialogue.turns.forEach((turn, index) => {
    if (state.ended !== null) {
      throw new Error(`turn ${index + 1} of '${dialogue.name}' comes after the call ended (${state.ended})`);
    }
    at += 'silence' in turn ? compiled.script.options.silenceTimeoutMs : TURN_MS;
    ({ state } = step(compiled, state, toInput(turn, at)));
  });
  return state;
}

function robotSpeech(state: SessionState): string[] {
  return state.transcript.filter((line) => line.speaker === 'robot').map((line) => line.text);
}

const corpusFiles = readdirSync(CORPUS_DIR).filter((file) => file.endsWith('.yaml'));

describe('dialogue corpus', () => {
  it('has a corpus for every example script', () => {
    expect(corpusFiles.sort()).toEqual(listExampleScripts());
  });

  for (const file of corpusFiles) {
    describe(file, () => {
      const { compiled } = loadExampleScript(file);
      const dialogues = parseCorpus(readFileSync(join(CORPUS_DIR, file), 'utf8'));

      for (const dialogue of dialogues) {
        it(dialogue.name, () => {
          const expected = dialogue.expect;
          if ('error' in expected) {
            let thrown: unknown = null;
            try {
              play(compiled, dialogue);
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(RobotError);
            expect((thrown as RobotError).code).toBe(expected.error);
            expect((thrown as RobotError).message).toContain(expected.mentions);
            return;
          }
          const state = play(compiled, dialogue);
          const talkSeconds = Math.round((state.lastAt - T0) / 1000);
          const grade = gradeCall(compiled, state, { answered: true, status: 'Succeeded', talkSeconds });
          const spoken = robotSpeech(state);

          expect(state.ended).toBe(expected.ended);
          expect(state.visited).toEqual(expected.path);
          expect(grade.level).toBe(expected.level);
          expect(grade.rule).toContain(expected.rule);
          expect([...grade.tags].sort()).toEqual([...expected.tags].sort());
          expect(state.hits).toEqual(expect.arrayContaining(expected.hits));
          expect(state.counters).toMatchObject(expected.counters);
          for (const text of expected.says) expect(spoken.join('\n')).toContain(text);
          for (const line of spoken) {
            expect(line).not.toContain('undefined');
            expect(line).not.toContain('${');
          }
        });
      }
    });
  }
});
