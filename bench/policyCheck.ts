import { performance } from 'node:perf_hooks';
import { calleeZone } from '../src/core/policy/calleeZone.js';
import { checkDial } from '../src/core/policy/checkDial.js';
import { effectivePolicy } from '../src/core/policy/effectivePolicy.js';
import type { NumberFacts, PolicyPreset, Verdict } from '../src/core/policy/types.js';
import { createSeededRandom } from '../src/core/random.js';

/**
 * Contact-policy check cost: `npx tsx bench/policyCheck.ts [calls]` (default 200,000 per preset).
 * For each preset, a pool of dial situations is drawn once: an instant anywhere in 2026 (so some fall
 * outside calling hours, across DST changes), 5–20 recent dials to the number over the last 8 days
 * (a fifth of them bunched in the last hour, so limits bite), a job history, and now and then an answered
 * call. Then checkDial is timed over the pool; the verdict mix shows which paths were measured.
 */
const CALLS = Number(process.argv[2] ?? 200_000);
const POOL = 4096;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR_START = Date.UTC(2026, 0, 1);

const CASES: { preset: PolicyPreset; number: string }[] = [
  { preset: 'cn-carrier', number: '+8613800138000' },
  { preset: 'us-tcpa', number: '+12125550123' },
  { preset: 'us-reg-f', number: '+12125550123' },
];

interface Situation {
  now: number;
  facts: NumberFacts;
}

function situations(seed: number): Situation[] {
  const random = createSeededRandom(seed);
  const pool: Situation[] = [];
  for (let i = 0; i < POOL; i++) {
    const now = YEAR_START + Math.floor(random.next() * 360 * DAY);
    const count = 5 + Math.floor(random.next() * 16);
    const recentDials: number[] = [];
    for (let k = 0; k < count; k++) {
      const back = random.next() < 0.2 ? random.next() * HOUR : random.next() * 8 * DAY;
      recentDials.push(Math.floor(now - back));
    }
    recentDials.sort((a, b) => a - b);
    const jobDials = recentDials.filter(() => random.next() < 0.3);
    const lastAnsweredAt = random.next() < 0.1 ? now - Math.floor(random.next() * 10 * DAY) : null;
    pool.push({
      now,
      facts: { recentDials, jobDials, lastAnsweredAt, emptyAt: null, blocked: null, allowed: true },
    });
  }
  return pool;
}

function run(): void {
  console.log(`checkDial, ${CALLS.toLocaleString('en')} calls per preset, ${POOL} situations`);
  for (const { preset, number } of CASES) {
    const policy = effectivePolicy({ presets: [preset] });
    const { zones } = calleeZone(number, null, 'UTC');
    const pool = situations(preset.length * 7919);
    const dial = (s: Situation): Verdict => checkDial(policy, { now: s.now, number, zone: zones }, s.facts);
    for (let i = 0; i < 20_000; i++) dial(pool[i % POOL]!); // warm-up

    const mix: Record<string, number> = {};
    const allowed: Situation[] = [];
    const deferred: Situation[] = [];
    for (const s of pool) {
      const v = dial(s);
      const key = v.kind === 'defer' ? `defer ${v.reason}` : v.kind;
      mix[key] = (mix[key] ?? 0) + 1;
      (v.kind === 'allow' ? allowed : deferred).push(s);
    }
    const shares = Object.entries(mix)
      .map(([k, n]) => `${k} ${Math.round((100 * n) / POOL)}%`)
      .join(', ');
    console.log(`  ${preset} (${zones.length} zone${zones.length > 1 ? 's' : ''}): ${shares}`);
    for (const [label, subset] of [
      ['all', pool],
      ['allow', allowed],
      ['defer', deferred],
    ] as const) {
      if (subset.length === 0) continue;
      const started = performance.now();
      for (let i = 0; i < CALLS; i++) dial(subset[i % subset.length]!);
      const micros = ((performance.now() - started) * 1000) / CALLS;
      console.log(`    ${label.padEnd(6)} ${micros.toFixed(2).padStart(6)} µs/call`);
    }
  }

  const started = performance.now();
  const numbers = ['+8613800138000', '+12125550123', '+442079460000', '+61412345678'];
  for (let i = 0; i < 50_000; i++) calleeZone(numbers[i % numbers.length]!, null, 'UTC');
  console.log(
    `calleeZone (libphonenumber parse + table): ${(((performance.now() - started) * 1000) / 50_000).toFixed(2)} µs/call`,
  );
}

run();
