import type { Random } from '../../core/clock.js';
import type { CompiledScript } from '../compileScript.js';
import { RobotError } from '../errors.js';
import type { RobotOutput, SessionState, TurnInput } from '../runtime/types.js';
import { BEHAVIOURS, type Behaviour, type Move } from './behaviours.js';
import { listChoices } from './nodeChoices.js';
import { isPersonaName, PERSONAS, type Persona, type PersonaName } from './persona.js';
import { OFF_SCRIPT, SHORT_WORDS } from './phraseBank.js';
import { pickUtterance } from './pickUtterance.js';
import { between, chance, pickOne } from './randomChoice.js';
import { callerSpeechMs } from './speechTiming.js';

interface ReplyContext {
  compiled: CompiledScript;
  behaviour: Behaviour;
  random: Random;
  state: SessionState;
  output: RobotOutput;
  at: number;
}

function spoken(ctx: ReplyContext, text: string): TurnInput {
  const { random, state, output, at } = ctx;
  const language = ctx.compiled.script.language;
  const robotSpoke = output.say.length > 0 && at > state.lastAt;
  if (robotSpoke && chance(random, ctx.behaviour.bargeInRate)) {
    // Starts talking part-way through the prompt the robot began at state.lastAt.
    const start = state.lastAt + between(random, 0.2, 0.9) * (at - state.lastAt);
    return { kind: 'text', text, at: Math.round(start + callerSpeechMs(text, language)), interrupted: true };
  }
  const start = at + between(random, 200, 900);
  return { kind: 'text', text, at: Math.round(start + callerSpeechMs(text, language)) };
}

function keyed(ctx: ReplyContext, digits: string): TurnInput {
  return { kind: 'dtmf', digits, at: Math.round(ctx.at + between(ctx.random, 800, 2000) + 300 * digits.length) };
}

function offScript(ctx: ReplyContext, bank: Readonly<Record<'zh' | 'en', readonly string[]>>): TurnInput {
  const phrases = bank[ctx.compiled.script.language];
  return spoken(ctx, pickOne(ctx.random, phrases) ?? phrases[0] ?? '…');
}

function toTurn(ctx: ReplyContext, move: Move): TurnInput {
  const { compiled, random, at } = ctx;
  switch (move.kind) {
    case 'silence':
      return { kind: 'silence', at: at + ctx.output.silenceTimeoutMs };
    case 'hangup':
      return { kind: 'hangup', at: Math.round(at + between(random, 300, 1500)) };
    case 'shortWord':
      return offScript(ctx, SHORT_WORDS);
    case 'offScript':
      return offScript(ctx, OFF_SCRIPT);
    case 'intent': {
      const { choice } = move;
      const digits = pickOne(random, choice.dtmf);
      if (digits !== undefined && chance(random, ctx.behaviour.dtmfRate)) return keyed(ctx, digits);
      const intent = compiled.script.intents[choice.intent];
      const text = intent === undefined ? null : pickUtterance(intent, compiled.script.language, random);
      if (text !== null) return spoken(ctx, text);
      return digits !== undefined ? keyed(ctx, digits) : offScript(ctx, OFF_SCRIPT);
    }
  }
}

/**
 * A simulated callee for `compiled`, deterministic for a given `random`: on each robot turn it
 * looks at what the current node listens for (from the script's public parts only) and answers
 * in its character with the script's own phrases, off-script talk, keys, silence or a hang-up.
 */
export function createPersona(name: PersonaName, compiled: CompiledScript, random: Random): Persona {
  if (!isPersonaName(name)) {
    throw new RobotError('UNKNOWN_PERSONA', `no persona '${String(name)}'; choose one of ${PERSONAS.join(', ')}`);
  }
  const behaviour = BEHAVIOURS[name](random);
  return {
    name,
    reply(state, output, at) {
      const move = behaviour.decide(listChoices(compiled, state.nodeId));
      return toTurn({ compiled, behaviour, random, state, output, at }, move);
    },
  };
}
