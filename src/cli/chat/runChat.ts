import type { CompiledScript } from '../../robot/compileScript.js';
import { gradeCall } from '../../robot/grading/gradeCall.js';
import { startSession, step } from '../../robot/runtime/session.js';
import type { CallGrade, SessionState, TurnInput } from '../../robot/runtime/types.js';
import type { ChatView } from './chatView.js';
import { CALLER_COMMANDS_HELP, type CallerCommand, parseCallerLine } from './parseCallerLine.js';

export interface ChatSession {
  compiled: CompiledScript;
  variables: Readonly<Record<string, string>>;
  /** The caller's lines; the chat stops when they run out (end of input) or the call ends. */
  lines: AsyncIterable<string>;
  view: ChatView;
  /** UTC ms: when the call starts and each caller turn ends. */
  now(): number;
}

/** The grade of the call as it stands: answered, and as long as it has lasted. */
function gradeNow(compiled: CompiledScript, state: SessionState): CallGrade {
  const talkSeconds = Math.round((state.lastAt - state.startedAt) / 1000);
  return gradeCall(compiled, state, { answered: true, status: 'Succeeded', talkSeconds });
}

function turnOf(command: CallerCommand, at: number): TurnInput | null {
  switch (command.kind) {
    case 'say':
      return { kind: 'text', text: command.text, at };
    case 'dtmf':
      return { kind: 'dtmf', digits: command.digits, at };
    case 'silence':
    case 'hangup':
      return { kind: command.kind, at };
    default:
      return null;
  }
}

/**
 * One call between a person and the robot: starts the session, then feeds each line to `step` until the
 * call ends, the caller quits or the input ends. Returns the last state (ended or not).
 */
export async function runChat(session: ChatSession): Promise<SessionState> {
  const { compiled, view } = session;
  let result = startSession(compiled, session.variables, session.now());
  view.robot(result);
  if (result.state.ended === null) {
    for await (const line of session.lines) {
      view.heard(line);
      const command = parseCallerLine(line);
      if (command.kind === 'quit') break;
      if (command.kind === 'state') view.state(result.state, gradeNow(compiled, result.state));
      else if (command.kind === 'help') view.notice(CALLER_COMMANDS_HELP);
      else if (command.kind === 'invalid') view.notice(command.message);
      const turn = turnOf(command, Math.max(session.now(), result.state.lastAt));
      if (turn === null) continue;
      result = step(compiled, result.state, turn);
      view.understood(result, turn, gradeNow(compiled, result.state));
      view.robot(result);
      if (result.state.ended !== null) break;
    }
  }
  view.end(result.state, gradeNow(compiled, result.state));
  return result.state;
}
