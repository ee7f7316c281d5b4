import type { Random } from '../../core/clock.js';
import { createPersona, type PersonaName, simulateConversation } from '../../robot/personas/index.js';
import type { CallConversation, DialRequest } from '../port.js';
import { DEFAULT_PERSONA_MIX, type SimProfile } from './simProfiles.js';

export type SimRobotCall = { conversation: CallConversation; talkMs: number } | { error: string };

/** Picks who answers from the profile's persona mix and lets them talk to the robot from `answeredAt`. */
export function simulateRobotCall(
  robot: NonNullable<DialRequest['robot']>,
  variables: Readonly<Record<string, string>>,
  profile: SimProfile,
  answeredAt: number,
  random: Random,
): SimRobotCall {
  const persona = createPersona(pickPersona(profile.personas ?? DEFAULT_PERSONA_MIX, random), robot.script, random);
  try {
    const call = simulateConversation(robot.script, variables, persona, answeredAt, random);
    return { conversation: { state: call.state, grade: call.grade }, talkMs: call.talkMs };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function pickPersona(mix: Readonly<Partial<Record<PersonaName, number>>>, random: Random): PersonaName {
  const entries = Object.entries(mix).filter(([, w]) => (w ?? 0) > 0) as [PersonaName, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let x = random.next() * total;
  for (const [name, w] of entries) {
    x -= w;
    if (x < 0) return name;
  }
  return entries[entries.length - 1]?.[0] ?? 'interested';
}
