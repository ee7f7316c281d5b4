import { describe, expect, it } from 'vitest';
import { createSeededRandom, deriveSeed } from '../../../src/core/random.js';
import type { CompiledScript } from '../../../src/robot/compileScript.js';
import { RobotError } from '../../../src/robot/errors.js';
import { createPersona, type PersonaName, simulateConversation } from '../../../src/robot/personas/index.js';
import { OFF_SCRIPT } from '../../../src/robot/personas/phraseBank.js';
import { callerSpeechMs } from '../../../src/robot/personas/speechTiming.js';
import { startSession } from '../../../src/robot/runtime/session.js';
import type { TurnInput } from '../../../src/robot/runtime/types.js';
import { loadExampleScript, SAMPLE_JOBS } from '../corpus/exampleScripts.js';

const T0 = Date.UTC(2026, 2, 16, 2, 0, 0);
const FILES = ['debt-reminder.zh.yaml', 'telemarketing-offer.en.yaml', 'identity-check.zh.yaml'] as const;
const scripts = new Map(FILES.map((file) => [file, loadExampleScript(file).compiled]));
const compiledOf = (file: (typeof FILES)[number]): CompiledScript => scripts.get(file)!;

/** The persona's first reply to the greeting, asked `at` (default: 3 s after the call starts), for `count` seeds. */
function firstReplies(file: (typeof FILES)[number], name: PersonaName, count: number, at = T0 + 3000): TurnInput[] {
  const compiled = compiledOf(file);
  const { state, output } = startSession(compiled, SAMPLE_JOBS[file]!, T0);
  const replies: TurnInput[] = [];
  for (let seed = 0; seed < count; seed++) {
    const persona = createPersona(name, compiled, createSeededRandom(deriveSeed(seed, name)));
    replies.push(persona.reply(state, output, at));
  }
  return replies;
}

function understood(compiled: CompiledScript, nodeId: string, turn: TurnInput): string | null {
  const candidates = compiled.candidates.get(nodeId) ?? [];
  if (turn.kind === 'text')
    return compiled.matcher.match({ kind: 'text', text: turn.text }, candidates)?.intent ?? null;
  if (turn.kind === 'dtmf')
    return compiled.matcher.match({ kind: 'dtmf', digits: turn.digits }, candidates)?.intent ?? null;
  return null;
}

const share = (items: readonly unknown[], test: (item: never) => boolean): number =>
  items.filter((item) => test(item as never)).length / items.length;

describe('createPersona', () => {
  it('plays the same call for the same seed, and varies across seeds', () => {
    const compiled = compiledOf('debt-reminder.zh.yaml');
    const play = (seed: number) => {
      const random = createSeededRandom(seed);
      const persona = createPersona('interested', compiled, random);
      return simulateConversation(compiled, SAMPLE_JOBS['debt-reminder.zh.yaml']!, persona, T0, random).state
        .transcript;
    };
    expect(play(7)).toEqual(play(7));
    const distinct = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(play(seed).map((l) => l.text))));
    expect(distinct.size).toBeGreaterThanOrEqual(10);
  });

  it('interested answers the question positively in the script’s own words, with some off-script talk', () => {
    const compiled = compiledOf('debt-reminder.zh.yaml');
    const replies = firstReplies('debt-reminder.zh.yaml', 'interested', 200);
    expect(share(replies, (t: TurnInput) => understood(compiled, 'greet', t) === 'yes')).toBeGreaterThanOrEqual(0.85);
    const offScript = share(replies, (t: TurnInput) => t.kind === 'text' && OFF_SCRIPT.zh.includes(t.text));
    expect(offScript).toBeGreaterThan(0);
    expect(offScript).toBeLessThan(0.15);
  });

  it('busy says it has no time, wrongPerson that it is the wrong person', () => {
    const compiled = compiledOf('telemarketing-offer.en.yaml');
    const busy = firstReplies('telemarketing-offer.en.yaml', 'busy', 100);
    expect(share(busy, (t: TurnInput) => understood(compiled, 'greet', t) === 'busy')).toBeGreaterThanOrEqual(0.9);
    const wrong = firstReplies('telemarketing-offer.en.yaml', 'wrongPerson', 100);
    expect(share(wrong, (t: TurnInput) => understood(compiled, 'greet', t) === 'wrongPerson')).toBeGreaterThanOrEqual(
      0.85,
    );
  });

  it('asksQuestions starts with the script’s knowledge questions', () => {
    const compiled = compiledOf('telemarketing-offer.en.yaml');
    const knowledge = new Set(compiled.script.knowledge.map((k) => k.intent));
    const replies = firstReplies('telemarketing-offer.en.yaml', 'asksQuestions', 100);
    const asked = share(replies, (t: TurnInput) => knowledge.has(understood(compiled, 'greet', t) ?? ''));
    expect(asked).toBeGreaterThanOrEqual(0.7);
  });

  it('hostile never says anything the script counts as positive', () => {
    for (const file of FILES) {
      const compiled = compiledOf(file);
      for (let seed = 0; seed < 100; seed++) {
        const random = createSeededRandom(deriveSeed(seed, file));
        const call = simulateConversation(
          compiled,
          SAMPLE_JOBS[file]!,
          createPersona('hostile', compiled, random),
          T0,
          random,
        );
        expect(call.state.counters.affirmatives).toBe(0);
      }
    }
  });

  it('silent mostly stays silent and now and then lets out a word', () => {
    const replies = firstReplies('identity-check.zh.yaml', 'silent', 200);
    const silences = share(replies, (t: TurnInput) => t.kind === 'silence');
    expect(silences).toBeGreaterThanOrEqual(0.75);
    expect(silences).toBeLessThan(1);
  });

  it('keys answers where the question takes keys, and only there', () => {
    const identity = compiledOf('identity-check.zh.yaml');
    const keyed = firstReplies('identity-check.zh.yaml', 'interested', 200).filter((t) => t.kind === 'dtmf');
    expect(keyed.length).toBeGreaterThan(20);
    for (const turn of keyed) expect(understood(identity, 'greet', turn)).toBe('yes');
    expect(firstReplies('debt-reminder.zh.yaml', 'interested', 200).some((t) => t.kind === 'dtmf')).toBe(false);
  });

  it('sometimes talks over the robot: the turn starts before the prompt ends', () => {
    const promptEnds = T0 + 8000;
    const interrupted = firstReplies('telemarketing-offer.en.yaml', 'busy', 200, promptEnds).filter(
      (t) => t.kind === 'text' && t.interrupted === true,
    );
    expect(interrupted.length).toBeGreaterThan(10);
    for (const turn of interrupted) {
      if (turn.kind !== 'text') continue;
      // Started while the prompt played (it began at T0), so it ends sooner than a reply started after it.
      expect(turn.at).toBeGreaterThan(T0);
      expect(turn.at).toBeLessThan(promptEnds + callerSpeechMs(turn.text, 'en'));
    }
  });

  it('refuses a name it does not know', () => {
    const compiled = compiledOf('debt-reminder.zh.yaml');
    expect(() => createPersona('chatty' as PersonaName, compiled, createSeededRandom(1))).toThrow(RobotError);
  });
});
