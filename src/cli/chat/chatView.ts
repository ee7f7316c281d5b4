import type { CallGrade, SessionState, StepResult, TurnInput } from '../../robot/runtime/types.js';
import type { Script } from '../../robot/script/model.js';

/** How a chat shows itself: as text for a person, or as JSON lines for a program. */
export interface ChatView {
  /** Before the call: which script, and how to talk to it. */
  begin(script: Script, file: string): void;
  /** A line the caller typed. */
  heard(line: string): void;
  /** What the robot says and does, after the start or a caller turn. */
  robot(result: StepResult): void;
  /** How the caller's turn was understood, and the grade of the call so far. */
  understood(result: StepResult, input: TurnInput, provisional: CallGrade): void;
  state(state: SessionState, provisional: CallGrade): void;
  notice(message: string): void;
  /** The end: `grade` is final when the call ended, provisional when the caller quit first. */
  end(state: SessionState, grade: CallGrade): void;
}
