/**
 * Robot turns per second: a 20-turn dialogue (knowledge questions, unrecognised answers, a global
 * intent and a branch on each of five questions) through startSession + step, in English and in
 * Chinese, then graded. Target: under 1 ms per turn. Run: `npx tsx bench/robotTurns.ts`.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: prompts hold ${name} variable references
import { performance } from 'node:perf_hooks';
import { compileScript } from '../src/robot/compileScript.js';
import { gradeCall } from '../src/robot/grading/gradeCall.js';
import { startSession, step } from '../src/robot/runtime/session.js';
import type { TurnInput } from '../src/robot/runtime/types.js';
import { type ScriptInput, ScriptSchema } from '../src/robot/script/model.js';

interface Words {
  language: 'zh' | 'en';
  yes: string[];
  no: string[];
  who: string[];
  fee: string[];
  prompt: (i: number) => string;
  turns: [question: string, noise: string, who: string, yes: string];
}

const WORDS: Words[] = [
  {
    language: 'en',
    yes: ['yes', 'sure', 'okay'],
    no: ['no', 'not interested'],
    who: ['who are you', 'who is this'],
    fee: ['fee', 'cost', 'how much'],
    prompt: (i) => `Question ${i}: shall we go on, \${name}?`,
    turns: ['How much does it cost me per year?', 'the weather is lovely today', 'sorry, who is this?', 'yes, sure'],
  },
  {
    language: 'zh',
    yes: ['好的', '可以', '行'],
    no: ['不需要', '不用了'],
    who: ['你是谁', '哪位'],
    fee: ['利息', '手续费', '多少钱'],
    prompt: (i) => `第${i}个问题，\${name}您看可以吗？`,
    turns: ['这个利息是怎么算的呀', '今天天气真不错', '不好意思你是哪位', '好的没问题'],
  },
];

const QUESTIONS = 5;

function buildScript(w: Words): ScriptInput {
  const nodes: ScriptInput['nodes'] = { greet: { type: 'say', say: 'Hello ${name}.', goto: 'q1' } };
  for (let i = 1; i <= QUESTIONS; i++) {
    nodes[`q${i}`] = {
      type: 'ask',
      say: w.prompt(i),
      branches: [
        { intent: 'yes', goto: i === QUESTIONS ? 'done' : `q${i + 1}` },
        { intent: 'no', goto: 'refused' },
      ],
    };
  }
  nodes.done = { type: 'hangup', say: 'Thank you, goodbye.' };
  nodes.refused = { type: 'hangup', say: 'Goodbye.', outcome: 'refused' };
  return {
    name: `bench ${w.language}`,
    language: w.language,
    variables: [{ name: 'name' }],
    options: { maxRounds: 50, maxBranchRepeats: 10 },
    intents: {
      yes: { semantic: 'positive', keywords: w.yes },
      no: { semantic: 'negative', keywords: w.no },
      who: { keywords: w.who },
      fee: { keywords: w.fee },
    },
    globals: [{ intent: 'who', say: 'Acme.', goto: 'return' }],
    knowledge: [{ intent: 'fee', answer: 'No annual fee.' }],
    start: 'greet',
    nodes,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function bench(w: Words, dialogues: number): void {
  const compiled = compileScript(ScriptSchema.parse(buildScript(w)));
  const turns: TurnInput[] = [];
  for (let i = 0; i < QUESTIONS; i++) {
    w.turns.forEach((text, j) => {
      turns.push({ kind: 'text', text, at: (i * 4 + j + 1) * 5_000 });
    });
  }
  const stepTimes: number[] = [];
  let stepTotal = 0;
  let startTotal = 0;
  let gradeTotal = 0;
  for (let d = 0; d < dialogues; d++) {
    const warm = d < dialogues / 10;
    let t = performance.now();
    let result = startSession(compiled, { name: 'Ann' }, 0);
    if (!warm) startTotal += performance.now() - t;
    for (const turn of turns) {
      t = performance.now();
      result = step(compiled, result.state, turn);
      const took = performance.now() - t;
      if (!warm) {
        stepTotal += took;
        stepTimes.push(took);
      }
    }
    if (result.state.ended !== 'completed') throw new Error(`dialogue ended ${result.state.ended}, not completed`);
    t = performance.now();
    const grade = gradeCall(compiled, result.state, { answered: true, status: 'Succeeded', talkSeconds: 100 });
    if (!warm) gradeTotal += performance.now() - t;
    if (grade.level !== 'A') throw new Error(`dialogue graded ${grade.level}, expected A`);
  }
  const timed = dialogues - Math.ceil(dialogues / 10);
  const sorted = stepTimes.sort((a, b) => a - b);
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  const perTurn = stepTotal / stepTimes.length;
  console.log(
    `${w.language}: ${timed} dialogues × ${turns.length} turns — ${Math.round(1000 / perTurn).toLocaleString('en')} turns/s; ` +
      `step mean ${us(perTurn)}, p50 ${us(percentile(sorted, 0.5))}, p99 ${us(percentile(sorted, 0.99))}; ` +
      `startSession ${us(startTotal / timed)}, gradeCall ${us(gradeTotal / timed)}; ` +
      `target < 1 ms/turn: ${perTurn < 1 ? 'met' : 'MISSED'}`,
  );
}

const dialogues = Number(process.argv[2] ?? 2_000);
console.log(`robot turns, Node ${process.version}`);
for (const w of WORDS) bench(w, dialogues);
