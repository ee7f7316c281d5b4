import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { JobStatus, TaskStatus } from '../src/core/enums.js';
import { createSeededRandom, deriveSeed } from '../src/core/random.js';
import { createVirtualClock } from '../src/core/virtualClock.js';
import { createEngine } from '../src/engine/createEngine.js';
import {
  type CompiledScript,
  compileScript,
  createPersona,
  gradeCall,
  PERSONAS,
  type Persona,
  type PersonaName,
  parseScript,
  type Script,
  simulateConversation,
  startSession,
  step,
  type TurnInput,
} from '../src/robot/index.js';
import type { MatchInput } from '../src/robot/match/types.js';
import { assignJobs } from '../src/service/assignJobs.js';
import { createScript } from '../src/service/catalog/createScript.js';
import { publishScript } from '../src/service/catalog/publishScript.js';
import { createInstance } from '../src/service/createInstance.js';
import { createJobGroup } from '../src/service/createJobGroup.js';
import { createLineGroup } from '../src/service/createLineGroup.js';
import type { ServiceDeps } from '../src/service/deps.js';
import { createSimTelephony } from '../src/telephony/sim/createSimTelephony.js';
import { SIM_PROFILES, type SimProfile } from '../src/telephony/sim/simProfiles.js';
import { type BenchDialect, type BenchStore, openBenchStore, settle } from './benchStore.js';
import { runUntilAllEnded, silentLog } from './engineRun.js';
import { BENCH_START, mobile, seededIds } from './jobsData.js';
import { type BenchRow, formatNumber, percent, type ScenarioResult, type Section } from './report.js';

export interface RobotBenchOptions {
  /** Simulated calls per example script and persona for the runtime figures. */
  callsPerPersona: number;
  /** Calls of the simulated campaign, run once with the robot and once without. */
  campaignCalls: number;
  /** Lines (capacity 1 each) the campaign dials on. */
  campaignLines: number;
  dialects: BenchDialect[];
  log(line: string): void;
}

const here = dirname(fileURLToPath(import.meta.url));
/** bench/ under tsx, dist/bench/ after the build: the examples are beside the sources. */
const EXAMPLES = join(
  basename(dirname(here)) === 'dist' ? join(here, '..', '..') : join(here, '..'),
  'examples',
  'scripts',
);

/** The script the campaign's group runs: the contacts are Chinese mobiles. */
const CAMPAIGN_SCRIPT = 'debt-reminder.zh.yaml';

/** Values for the variables the example scripts declare, by language (any other gets its name). */
const VALUES: Record<'zh' | 'en', Record<string, string>> = {
  zh: {
    name: '张先生',
    amount: '3280.50',
    dueDate: '3月15日',
    price: '129',
    idLast4: '0317',
    employer: '华东建设集团',
    applyDate: '3月5日',
  },
  en: {
    name: 'Ms. Rivera',
    amount: '$182.40',
    dueDate: 'March 15',
    price: '$55',
    idLast4: '4821',
    employer: 'Acme Logistics',
    applyDate: 'on March 5',
  },
};

function variablesFor(script: Script): Record<string, string> {
  return Object.fromEntries(script.variables.map((v) => [v.name, VALUES[script.language][v.name] ?? v.name]));
}

interface Example {
  file: string;
  script: Script;
  compiled: CompiledScript;
  variables: Record<string, string>;
}

function loadExamples(): Example[] {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const parsed = parseScript(readFileSync(join(EXAMPLES, file), 'utf8'), { fileName: file });
      if (!parsed.ok) throw new Error(`robot bench: ${file} does not parse: ${parsed.errors[0]?.message}`);
      return {
        file,
        script: parsed.script,
        compiled: compileScript(parsed.script),
        variables: variablesFor(parsed.script),
      };
    });
}

/** One simulated call: the persona's turns, to replay through the runtime and the matcher alone. */
interface RecordedCall {
  example: Example;
  persona: PersonaName;
  turns: TurnInput[];
  /** simulateConversation's own time for the whole call (persona replies, start and grading included), ms. */
  ms: number;
}

function recording(persona: Persona, turns: TurnInput[]): Persona {
  return {
    name: persona.name,
    reply(state, output, at) {
      const turn = persona.reply(state, output, at);
      turns.push(turn);
      return turn;
    },
  };
}

function simulateCalls(examples: Example[], callsPerPersona: number): RecordedCall[] {
  const calls: RecordedCall[] = [];
  for (const example of examples) {
    for (const name of PERSONAS) {
      for (let i = 0; i < callsPerPersona; i++) {
        const random = createSeededRandom(deriveSeed(1, `${example.file}#${name}#${i}`));
        const turns: TurnInput[] = [];
        const persona = recording(createPersona(name, example.compiled, random), turns);
        const t0 = performance.now();
        simulateConversation(example.compiled, example.variables, persona, BENCH_START, random);
        calls.push({ example, persona: name, turns, ms: performance.now() - t0 });
      }
    }
  }
  return calls;
}

/** What the matcher is asked on a caller turn: what the runtime itself matches (not silences, hang-ups or ignored interruptions). */
interface MatchCall {
  input: MatchInput;
  candidates: readonly string[];
}

interface Replayed {
  startUs: number;
  stepUs: number[];
  gradeUs: number;
  matches: MatchCall[];
}

/** Replays a recorded call through startSession, step and gradeCall, timing each; also returns what the runtime matched. */
function replay(call: RecordedCall): Replayed {
  const { compiled, variables } = call.example;
  let t0 = performance.now();
  let { state } = startSession(compiled, variables, BENCH_START);
  const startUs = (performance.now() - t0) * 1000;
  const stepUs: number[] = [];
  const matches: MatchCall[] = [];
  for (const turn of call.turns) {
    const bargeIn = compiled.nodes.get(state.nodeId)?.bargeIn ?? compiled.script.options.bargeIn;
    const candidates = compiled.candidates.get(state.nodeId) ?? [];
    if (turn.kind === 'text' && !(turn.interrupted === true && !bargeIn)) {
      matches.push({ input: { kind: 'text', text: turn.text }, candidates });
    } else if (turn.kind === 'dtmf') {
      matches.push({ input: { kind: 'dtmf', digits: turn.digits }, candidates });
    }
    t0 = performance.now();
    state = step(compiled, state, turn).state;
    stepUs.push((performance.now() - t0) * 1000);
  }
  if (state.ended === null) {
    throw new Error(`robot bench: a replayed ${call.persona} call on ${call.example.file} did not end`);
  }
  t0 = performance.now();
  gradeCall(compiled, state, { answered: true, status: 'Succeeded', talkSeconds: 60 });
  return { startUs, stepUs, gradeUs: (performance.now() - t0) * 1000, matches };
}

/** The matcher alone on a call's matched turns, µs in all. */
function timeMatches(call: RecordedCall, matches: readonly MatchCall[]): number {
  const { matcher } = call.example.compiled;
  const t0 = performance.now();
  for (const m of matches) matcher.match(m.input, m.candidates);
  return (performance.now() - t0) * 1000;
}

/** Timings of one recorded call over the replays. */
interface CallTimings {
  stepUs: number[];
  matchUs: number;
  /** Summed over the replays. */
  startUs: number;
  gradeUs: number;
  replays: number;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const us = (n: number) => `${formatNumber(n, 1)} µs`;

interface Figures {
  calls: number;
  turns: number;
  /** Caller turns per second through simulateConversation (personas, session start and grading included). */
  turnsPerSecond: number;
  stepMean: number;
  stepP50: number;
  stepP99: number;
  /** The matcher alone, per caller turn. */
  matchMean: number;
  /** startSession and gradeCall, per call. */
  startMean: number;
  gradeMean: number;
}

function figures(calls: RecordedCall[], timings: ReadonlyMap<RecordedCall, CallTimings>): Figures {
  const steps = calls.flatMap((c) => timings.get(c)?.stepUs ?? []).sort((a, b) => a - b);
  const turns = calls.reduce((n, c) => n + c.turns.length, 0);
  const replayedTurns = calls.reduce((n, c) => n + c.turns.length * (timings.get(c)?.replays ?? 0), 0);
  const replayedCalls = calls.reduce((n, c) => n + (timings.get(c)?.replays ?? 0), 0);
  const perReplayedCall = (pick: (t: CallTimings) => number) =>
    calls.reduce((sum, c) => sum + pick(timings.get(c) as CallTimings), 0) / Math.max(1, replayedCalls);
  return {
    calls: calls.length,
    turns,
    turnsPerSecond: turns / (calls.reduce((ms, c) => ms + c.ms, 0) / 1000),
    stepMean: mean(steps),
    stepP50: percentile(steps, 0.5),
    stepP99: percentile(steps, 0.99),
    matchMean: calls.reduce((t, c) => t + (timings.get(c)?.matchUs ?? 0), 0) / Math.max(1, replayedTurns),
    startMean: perReplayedCall((t) => t.startUs),
    gradeMean: perReplayedCall((t) => t.gradeUs),
  };
}

const REPLAYS = 3;

/** (a) The runtime per caller turn over the six example scripts and six personas, against the matcher alone. */
function benchTurns(o: RobotBenchOptions): ScenarioResult {
  const examples = loadExamples();
  simulateCalls(examples, Math.max(1, Math.ceil(o.callsPerPersona / 10))); // warm-up
  const calls = simulateCalls(examples, o.callsPerPersona);
  const matches = new Map(calls.map((c) => [c, replay(c).matches])); // also the warm-up
  const timings = new Map<RecordedCall, CallTimings>(
    calls.map((c) => [c, { stepUs: [], matchUs: 0, startUs: 0, gradeUs: 0, replays: 0 }]),
  );
  for (const call of calls) timeMatches(call, matches.get(call) ?? []); // warm-up
  // Steps and matches in separate passes, so that neither pays for the other's garbage.
  for (let r = 0; r < REPLAYS; r++) {
    for (const call of calls) {
      const t = timings.get(call) as CallTimings;
      const replayed = replay(call);
      t.stepUs.push(...replayed.stepUs);
      t.startUs += replayed.startUs;
      t.gradeUs += replayed.gradeUs;
      t.replays++;
    }
    for (const call of calls) (timings.get(call) as CallTimings).matchUs += timeMatches(call, matches.get(call) ?? []);
  }
  const of = (pick: (c: RecordedCall) => boolean) => figures(calls.filter(pick), timings);

  const rows: BenchRow[] = (['en', 'zh'] as const).map((language) => {
    const f = of((c) => c.example.script.language === language);
    return {
      dialect: language,
      measured: f.stepMean,
      baseline: f.matchMean,
      ratio: f.stepMean / f.matchMean,
      met: f.stepMean < 1000,
      details: [
        `${formatNumber(f.turnsPerSecond)} caller turns/s through simulateConversation (personas and grading included)`,
        `step p50 ${us(f.stepP50)}, p99 ${us(f.stepP99)}`,
        `per call: startSession ${us(f.startMean)}, gradeCall ${us(f.gradeMean)}`,
        `${formatNumber(f.calls)} calls, ${formatNumber(f.turns)} turns`,
      ],
    };
  });
  const sectionRow = (label: string, f: Figures) => [
    label,
    formatNumber(f.calls),
    formatNumber(f.turns / f.calls, 1),
    formatNumber(f.turnsPerSecond),
    formatNumber(f.stepMean, 1),
    formatNumber(f.stepP50, 1),
    formatNumber(f.stepP99, 1),
    formatNumber(f.matchMean, 1),
    percent(f.stepMean / f.matchMean, 0),
  ];
  const header = ['', 'calls', 'turns/call', 'turns/s', 'step µs', 'p50', 'p99', 'match µs', 'step/match'];
  const sections: Section[] = [
    {
      title: 'By script',
      header: ['script', ...header.slice(1)],
      rows: examples.map((e) =>
        sectionRow(
          e.file,
          of((c) => c.example === e),
        ),
      ),
    },
    {
      title: 'By persona (all six scripts)',
      header: ['persona', ...header.slice(1)],
      rows: PERSONAS.map((p) =>
        sectionRow(
          p,
          of((c) => c.persona === p),
        ),
      ),
    },
  ];
  return {
    name: 'robot',
    title: `the robot's runtime per caller turn (step: matching, retries, counters, transcript) over the ${examples.length} example scripts × ${PERSONAS.length} personas, ${formatNumber(o.callsPerPersona)} simulated calls each, against the intent matcher alone on the same utterances and candidates`,
    unit: 'µs per turn',
    measuredLabel: 'step',
    baselineLabel: 'matcher alone',
    target: 'step < 1 ms',
    rows,
    notes: [
      `each call simulated once with simulateConversation (its turns/s include the personas and grading), then replayed ${REPLAYS} times through startSession + step with each step timed; the matcher alone is timed in its own passes on the inputs and candidates the runtime matched`,
      'matcher per turn counts 0 for silences, hang-ups and ignored interruptions, which the runtime does not match either',
      'in-process CPU work only: no store, no events; the machine was shared with other work while measured',
    ],
    sections,
  };
}

/** Answered at once (no ring, no failures), talking 5–180 s without a robot: only the conversation differs. */
const ANSWERING: SimProfile = {
  ...SIM_PROFILES.instant,
  description: 'Every call answered at once; without a robot it talks a lognormal 30 s (5–180 s).',
  talkMs: { kind: 'lognormal', medianMs: 30_000, sigma: 0.6, minMs: 5_000, maxMs: 180_000 },
};

interface CampaignRun {
  seconds: number;
  cpuSeconds: number;
  calls: number;
  conversations: number;
  virtualMinutes: number;
  /** Mean size of the stored conversation (transcript JSON), bytes. */
  conversationBytes: number;
}

/** The campaign on a fresh store: `calls` jobs due at once, one attempt each, with the robot or without a script. */
async function runCampaign(dialect: BenchDialect, o: RobotBenchOptions, withRobot: boolean): Promise<CampaignRun> {
  const store: BenchStore = await openBenchStore(dialect);
  try {
    const clock = createVirtualClock(BENCH_START);
    const deps: ServiceDeps = {
      db: store.db,
      caps: store.caps,
      clock,
      newId: seededIds(1),
      defaultCountry: 'CN',
      defaultTimeZone: 'Asia/Shanghai',
    };
    const instance = await createInstance(deps, { name: 'bench' });
    let scriptId: string | null = null;
    if (withRobot) {
      const source = readFileSync(join(EXAMPLES, CAMPAIGN_SCRIPT), 'utf8');
      scriptId = (await createScript(deps, { instanceId: instance.id, source })).id;
      await publishScript(deps, instance.id, scriptId);
    }
    const lineGroup = await createLineGroup(deps, {
      instanceId: instance.id,
      name: 'bench lines',
      callingNumbers: Array.from({ length: o.campaignLines }, (_, i) => `0210${String(i).padStart(7, '0')}`),
      lineCapacity: 1,
      callsPerSecond: 0,
    });
    const group = await createJobGroup(deps, {
      instanceId: instance.id,
      name: 'bench',
      lineGroupIds: [lineGroup.id],
      scriptId,
    });
    for (let from = 0; from < o.campaignCalls; from += 5000) {
      const jobs: unknown[] = [];
      for (let i = from; i < Math.min(o.campaignCalls, from + 5000); i++) {
        jobs.push({
          referenceId: `ref-${i}`,
          contacts: [{ phoneNumber: mobile(i), name: '张三' }],
          extras: [
            { key: 'name', value: '张先生' },
            { key: 'amount', value: String(100 + (i % 900)) },
            { key: 'dueDate', value: '3月15日' },
          ],
        });
      }
      await assignJobs(deps, { jobGroupId: group.id, jobs });
    }
    const telephony = createSimTelephony({ clock, seed: 7, profile: ANSWERING });
    const engine = createEngine({ db: store.db, caps: store.caps, clock, telephony, log: silentLog });
    const campaign = {
      clock,
      deps,
      instanceId: instance.id,
      lineGroupId: lineGroup.id,
      jobGroupId: group.id,
      engine,
      telephony,
      jobs: o.campaignCalls,
    };
    await settle(store);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const run = await runUntilAllEnded(campaign);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    if (!run.finished)
      throw new Error(`robot campaign: the engine did not finish (${withRobot ? 'with' : 'without'} the robot)`);
    const done = await store.db
      .selectFrom('job')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', JobStatus.Succeeded)
      .executeTakeFirstOrThrow();
    if (Number(done.n) !== o.campaignCalls)
      throw new Error(`robot campaign: ${done.n} of ${o.campaignCalls} jobs succeeded`);
    const talked = await store.db
      .selectFrom('task')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.fn('length', ['conversation'])).as('bytes'),
      ])
      .where('status', '=', TaskStatus.Succeeded)
      .where('level', 'is not', null)
      .executeTakeFirstOrThrow();
    const conversations = Number(talked.n);
    if (withRobot && conversations !== o.campaignCalls) {
      throw new Error(`robot campaign: ${conversations} of ${o.campaignCalls} answered calls were graded`);
    }
    return {
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      calls: o.campaignCalls,
      conversations,
      virtualMinutes: (run.endedAt - BENCH_START) / 60_000,
      conversationBytes: conversations > 0 ? Number(talked.bytes ?? 0) / conversations : 0,
    };
  } finally {
    await store.drop();
  }
}

/** (b) A whole campaign through the engine and the store with the robot on every call, against the same without a script. */
async function benchCampaign(o: RobotBenchOptions): Promise<ScenarioResult> {
  const rows: BenchRow[] = [];
  for (const dialect of o.dialects) {
    o.log(`  robot campaign on ${dialect}: without a script…`);
    const without = await runCampaign(dialect, o, false);
    o.log(`  robot campaign on ${dialect}: with the robot…`);
    const robot = await runCampaign(dialect, o, true);
    const ratio = robot.seconds / without.seconds;
    rows.push({
      dialect,
      measured: robot.seconds,
      baseline: without.seconds,
      ratio,
      met: ratio <= 1.5,
      details: [
        `${formatNumber(robot.calls / robot.seconds)} calls/s with the robot, ${formatNumber(without.calls / without.seconds)} without`,
        `CPU ${formatNumber(robot.cpuSeconds, 1)} s with, ${formatNumber(without.cpuSeconds, 1)} s without: ${formatNumber(((robot.cpuSeconds - without.cpuSeconds) * 1e6) / robot.calls)} µs more per call`,
        `${formatNumber(robot.conversations)} conversations graded and stored, ${formatNumber(robot.conversationBytes / 1024, 1)} KiB each`,
        `virtual time ${formatNumber(robot.virtualMinutes, 1)} min with, ${formatNumber(without.virtualMinutes, 1)} min without`,
      ],
    });
  }
  return {
    name: 'robot-campaign',
    title: `${formatNumber(o.campaignCalls)} calls due at once on ${formatNumber(o.campaignLines)} lines, every call answered, engine on a virtual clock; with the robot (${CAMPAIGN_SCRIPT}, the default persona mix) on every call vs the same campaign without a script (talk time drawn from a lognormal around 30 s)`,
    unit: 's wall',
    measuredLabel: 'with the robot',
    baselineLabel: 'without a script',
    target: '≤ 150%',
    rows,
    notes: [
      'with the robot each answered call is a simulated conversation, graded; its transcript, level and tags are stored on the task and carried by its CallFinished event',
      'the machine was shared with other work while measured: compare the two runs of a row, not rows of different runs',
    ],
  };
}

/** `--only=robot`: the runtime per turn (a) and a campaign with and without the robot (b). */
export async function benchRobot(o: RobotBenchOptions): Promise<ScenarioResult[]> {
  o.log('  robot runtime per turn…');
  const turns = benchTurns(o);
  return [turns, await benchCampaign(o)];
}
