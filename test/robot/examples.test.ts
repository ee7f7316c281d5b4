import { describe, expect, it } from 'vitest';
import { createSeededRandom, deriveSeed } from '../../src/core/random.js';
import type { CompiledScript } from '../../src/robot/compileScript.js';
import { lintScript, parseScript } from '../../src/robot/index.js';
import { createPersona, PERSONAS, type PersonaName, simulateConversation } from '../../src/robot/personas/index.js';
import type { Level } from '../../src/robot/script/model.js';
import { listExampleScripts, loadExampleScript, readExampleScript, SAMPLE_JOBS } from './corpus/exampleScripts.js';

const SEEDS = 200;
const T0 = Date.UTC(2026, 2, 16, 2, 0, 0);
const scripts = listExampleScripts();

/** Which levels each persona should mostly get, and how often at least. */
const EXPECTED_LEVELS: Readonly<Record<PersonaName, { levels: readonly Level[]; share: number }>> = {
  interested: { levels: ['A', 'B'], share: 0.8 },
  asksQuestions: { levels: ['A', 'B'], share: 0.7 },
  hostile: { levels: ['C'], share: 0.8 },
  busy: { levels: ['D'], share: 0.8 },
  wrongPerson: { levels: ['F'], share: 0.8 },
  silent: { levels: ['F', 'D'], share: 0.8 },
};

interface PersonaRun {
  levels: Record<string, number>;
  overRounds: number;
  unended: number;
  badSpeech: string[];
  knowledgeCalls: number;
}

function runPersona(compiled: CompiledScript, file: string, persona: PersonaName): PersonaRun {
  const run: PersonaRun = { levels: {}, overRounds: 0, unended: 0, badSpeech: [], knowledgeCalls: 0 };
  for (let seed = 0; seed < SEEDS; seed++) {
    const random = createSeededRandom(deriveSeed(seed, `${file}:${persona}`));
    const call = simulateConversation(
      compiled,
      SAMPLE_JOBS[file]!,
      createPersona(persona, compiled, random),
      T0,
      random,
    );
    run.levels[call.grade.level] = (run.levels[call.grade.level] ?? 0) + 1;
    if (call.state.ended === null) run.unended++;
    if (call.state.counters.rounds > compiled.script.options.maxRounds) run.overRounds++;
    if (call.state.counters.knowledgeHits > 0) run.knowledgeCalls++;
    for (const line of call.state.transcript) {
      if (line.speaker === 'robot' && (line.text.includes('undefined') || line.text.includes('${'))) {
        run.badSpeech.push(line.text);
      }
    }
  }
  return run;
}

describe('example scripts', () => {
  it('ships the three scenes in Chinese and English', () => {
    expect(scripts).toEqual([
      'debt-reminder.en.yaml',
      'debt-reminder.zh.yaml',
      'identity-check.en.yaml',
      'identity-check.zh.yaml',
      'telemarketing-offer.en.yaml',
      'telemarketing-offer.zh.yaml',
    ]);
  });

  for (const file of scripts) {
    describe(file, () => {
      it('parses with no errors, warnings or lint findings', () => {
        const parsed = parseScript(readExampleScript(file), { fileName: file });
        if (!parsed.ok) expect(parsed.errors).toEqual([]);
        expect(parsed.warnings).toEqual([]);
        if (parsed.ok) expect(lintScript(parsed.script)).toEqual([]);
      });

      it('is the language its file name says, and reads job variables in both syntaxes', () => {
        const { script } = loadExampleScript(file);
        expect(file).toContain(`.${script.language}.`);
        const texts = JSON.stringify(script.nodes) + JSON.stringify(script.knowledge);
        expect(texts).toMatch(/\$\{envVars\[(['"])VENDOR_PARAM\1\]\[(['"])\w+\2\]\}/);
        expect(texts).toMatch(/\$\{\w+\}/);
      });

      it('has the shape of a production script', () => {
        const { script } = loadExampleScript(file);
        const nodes = Object.values(script.nodes);
        expect(nodes.length).toBeGreaterThanOrEqual(8);
        expect(nodes.length).toBeLessThanOrEqual(15);
        expect(Object.keys(script.intents).length).toBeGreaterThanOrEqual(10);
        expect(Object.keys(script.intents).length).toBeLessThanOrEqual(20);
        expect(script.knowledge.length).toBeGreaterThanOrEqual(4);
        expect(script.knowledge.length).toBeLessThanOrEqual(8);
        expect(script.globals.map((g) => g.intent).sort()).toEqual(
          ['busy', 'complaint', 'human', 'notInterested', 'repeat', 'whoAreYou', 'wrongPerson'].sort(),
        );
        for (const node of nodes) {
          if (node.type === 'ask') expect(node.noInput !== undefined && node.noMatch !== undefined).toBe(true);
        }
        expect(script.grading.tags.length).toBeGreaterThan(0);
      });

      it("understands each of an intent's own phrases as that intent wherever it is listened for", () => {
        const { script, compiled } = loadExampleScript(file);
        const misread: string[] = [];
        for (const [nodeId, candidates] of compiled.candidates) {
          candidates.forEach((intent, index) => {
            const own = script.intents[intent]!;
            // A phrase an earlier candidate also lists is deliberately theirs on this node ("不是" is `no`, not `wrongPerson`).
            const earlier = new Set(
              candidates
                .slice(0, index)
                .flatMap((name) => [...script.intents[name]!.exact, ...script.intents[name]!.keywords]),
            );
            for (const text of [...own.examples, ...own.exact, ...own.keywords]) {
              if (earlier.has(text)) continue;
              const match = compiled.matcher.match({ kind: 'text', text }, candidates);
              if (match?.intent !== intent)
                misread.push(`${nodeId}: "${text}" (${intent}) → ${match?.intent ?? 'nothing'}`);
            }
          });
        }
        expect(misread).toEqual([]);
      });
    });
  }
});

describe('personas over the example scripts', () => {
  for (const file of scripts) {
    describe(file, () => {
      const { compiled } = loadExampleScript(file);
      for (const persona of PERSONAS) {
        it(`${persona}: ${SEEDS} calls end in time, speak no placeholders, mostly ${EXPECTED_LEVELS[persona].levels.join('/')}`, () => {
          const run = runPersona(compiled, file, persona);
          expect(run.unended).toBe(0);
          expect(run.overRounds).toBe(0);
          expect(run.badSpeech).toEqual([]);
          const { levels, share } = EXPECTED_LEVELS[persona];
          const hits = levels.reduce((sum, level) => sum + (run.levels[level] ?? 0), 0);
          expect(hits / SEEDS, JSON.stringify(run.levels)).toBeGreaterThanOrEqual(share);
          if (persona === 'asksQuestions') expect(run.knowledgeCalls / SEEDS).toBeGreaterThanOrEqual(0.7);
        });
      }
    });
  }
});
