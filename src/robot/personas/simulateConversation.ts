import type { Random } from '../../core/clock.js';
import type { CompiledScript } from '../compileScript.js';
import { RobotError } from '../errors.js';
import { gradeCall } from '../grading/gradeCall.js';
import { startSession, step } from '../runtime/session.js';
import type { CallGrade, SessionState } from '../runtime/types.js';
import type { Persona } from './persona.js';
import { ROBOT_CHARS_PER_SECOND, robotSpeechMs } from './speechTiming.js';

export interface SimulatedCall {
  state: SessionState;
  grade: CallGrade;
  /** Seconds from answer to the end of the robot's last words (or the caller's hang-up), rounded. */
  talkSeconds: number;
  /** The same in ms, unrounded: when the call ends after the answer. */
  talkMs: number;
}

/**
 * Runs one answered call between the robot and `persona` on a virtual clock starting at `startAt`:
 * the robot's prompts take their length at the voice's speaking rate (drawn once per call from
 * `random`, ±10% around the language's rate), the persona's turns end when it says they do. The
 * call is graded as answered with status `Succeeded`. Throws RobotError `MISSING_VARIABLE` like
 * startSession, and `SIMULATION_RUNAWAY` if the call does not end long after `options.maxRounds`.
 */
export function simulateConversation(
  compiled: CompiledScript,
  variables: Readonly<Record<string, string>>,
  persona: Persona,
  startAt: number,
  random: Random,
): SimulatedCall {
  const { options, language } = compiled.script;
  const charsPerSecond = ROBOT_CHARS_PER_SECOND[language] * (0.9 + 0.2 * random.next());
  // Ignored interruptions and hang-ups add no robot turn; everything else adds one, so this is ample.
  const maxSteps = 4 * options.maxRounds + 20;

  let { state, output } = startSession(compiled, variables, startAt);
  let robotDoneAt = startAt + robotSpeechMs(output.say, charsPerSecond);
  for (let steps = 0; state.ended === null; steps++) {
    if (steps >= maxSteps) {
      throw new RobotError(
        'SIMULATION_RUNAWAY',
        `the call with persona '${persona.name}' did not end after ${steps} caller turns (${state.counters.rounds} robot turns)`,
      );
    }
    const turn = persona.reply(state, output, robotDoneAt);
    ({ state, output } = step(compiled, state, turn));
    robotDoneAt =
      output.understood?.kind === 'ignored'
        ? Math.max(robotDoneAt, turn.at) // the robot talks on over the ignored interruption
        : turn.at + robotSpeechMs(output.say, charsPerSecond);
  }
  const talkMs = Math.ceil(robotDoneAt - startAt);
  const talkSeconds = Math.round(talkMs / 1000);
  const grade = gradeCall(compiled, state, { answered: true, status: 'Succeeded', talkSeconds });
  return { state, grade, talkSeconds, talkMs };
}
