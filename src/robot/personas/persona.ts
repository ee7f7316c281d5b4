import type { RobotOutput, SessionState, TurnInput } from '../runtime/types.js';

/** The simulated customers shipped with Outdial, each a way a real callee tends to behave. */
export const PERSONAS = ['interested', 'busy', 'hostile', 'silent', 'asksQuestions', 'wrongPerson'] as const;
export type PersonaName = (typeof PERSONAS)[number];

export function isPersonaName(name: string): name is PersonaName {
  return (PERSONAS as readonly string[]).includes(name);
}

/** A simulated callee: answers whatever the robot just said. */
export interface Persona {
  name: string;
  /**
   * The callee's next turn. `at` is when the robot stopped speaking (UTC ms); the returned turn's
   * `at` is when the callee's turn ended (earlier than `at` only when they talked over the robot).
   */
  reply(state: SessionState, output: RobotOutput, at: number): TurnInput;
}
