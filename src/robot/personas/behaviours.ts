import type { Random } from '../../core/clock.js';
import type { IntentChoice } from './nodeChoices.js';
import type { PersonaName } from './persona.js';
import { chance, pickOne } from './randomChoice.js';

/** What a callee does next, before it is put into words, keys or timing. */
export type Move =
  | { kind: 'intent'; choice: IntentChoice }
  | { kind: 'offScript' }
  | { kind: 'shortWord' }
  | { kind: 'silence' }
  | { kind: 'hangup' };

export interface Behaviour {
  /** Chance that a spoken reply starts while the robot is still talking. */
  bargeInRate: number;
  /** Chance of keying an answer instead of saying it, where the question accepts keys. */
  dtmfRate: number;
  decide(choices: readonly IntentChoice[]): Move;
}

/** Endings a cooperative callee never heads for on purpose. */
const UNWANTED_ENDS = new Set<IntentChoice['ends']>(['busy', 'wrongPerson', 'refused', 'noResponse', 'failed']);

const OFF_SCRIPT_RATE = 0.08;

function saying(random: Random, pool: readonly IntentChoice[]): Move | null {
  const choice = pickOne(random, pool);
  return choice === undefined ? null : { kind: 'intent', choice };
}

/** Answers the question as the script hopes: a positive branch, else a neutral one that keeps the call going. */
function cooperate(random: Random, choices: readonly IntentChoice[]): Move {
  const answers = choices.filter((c) => c.source === 'branch' && !UNWANTED_ENDS.has(c.ends));
  const positive = answers.filter((c) => c.semantic === 'positive');
  const neutral = answers.filter((c) => c.semantic === 'neutral');
  return saying(random, positive) ?? saying(random, neutral) ?? { kind: 'offScript' };
}

function interested(random: Random): Behaviour {
  return {
    bargeInRate: 0.1,
    dtmfRate: 0.35,
    decide: (choices) => (chance(random, OFF_SCRIPT_RATE) ? { kind: 'offScript' } : cooperate(random, choices)),
  };
}

/** Asks one to three of the script's knowledge questions first, then answers like an interested callee. */
function asksQuestions(random: Random): Behaviour {
  const wanted = 1 + Math.floor(random.next() * 3);
  const asked = new Set<string>();
  return {
    bargeInRate: 0.1,
    dtmfRate: 0.2,
    decide(choices) {
      if (chance(random, OFF_SCRIPT_RATE)) return { kind: 'offScript' };
      const open = choices.filter((c) => c.source === 'knowledge' && !asked.has(c.intent));
      if (asked.size < wanted && open.length > 0 && chance(random, 0.85)) {
        const question = saying(random, open);
        if (question?.kind === 'intent') asked.add(question.choice.intent);
        if (question !== null) return question;
      }
      return cooperate(random, choices);
    },
  };
}

/** Refuses, complains or hangs up; never says anything positive. */
function hostile(random: Random): Behaviour {
  return {
    bargeInRate: 0.25,
    dtmfRate: 0.1,
    decide(choices) {
      if (chance(random, 0.1)) return { kind: 'hangup' };
      if (chance(random, OFF_SCRIPT_RATE)) return { kind: 'offScript' };
      const refusals = choices.filter(
        (c) => c.semantic === 'negative' || (c.ends === 'refused' && c.semantic !== 'positive'),
      );
      return saying(random, refusals) ?? (chance(random, 0.5) ? { kind: 'hangup' } : { kind: 'offScript' });
    },
  };
}

/** Has no time: says so (the intent named `busy`, or one that ends the call as busy), or hangs up. */
function busy(random: Random): Behaviour {
  return {
    bargeInRate: 0.3,
    dtmfRate: 0,
    decide(choices) {
      if (chance(random, 0.05)) return { kind: 'offScript' };
      const noTime = choices.filter((c) => c.intent === 'busy' || c.ends === 'busy');
      return saying(random, noTime) ?? { kind: 'hangup' };
    },
  };
}

/** Is not the person the call is for: says so wherever the script lets them, else hangs up. */
function wrongPerson(random: Random): Behaviour {
  return {
    bargeInRate: 0.15,
    dtmfRate: 0.3,
    decide(choices) {
      if (chance(random, OFF_SCRIPT_RATE)) return { kind: 'offScript' };
      const notMe = choices.filter((c) => c.ends === 'wrongPerson');
      return saying(random, notMe) ?? { kind: 'hangup' };
    },
  };
}

/** Mostly says nothing; now and then a single word. */
function silent(random: Random): Behaviour {
  return {
    bargeInRate: 0,
    dtmfRate: 0,
    decide: () => (chance(random, 0.85) ? { kind: 'silence' } : { kind: 'shortWord' }),
  };
}

export const BEHAVIOURS: Readonly<Record<PersonaName, (random: Random) => Behaviour>> = {
  interested,
  busy,
  hostile,
  silent,
  asksQuestions,
  wrongPerson,
};
