import { performance } from 'node:perf_hooks';
import { type BenchDialect, type BenchStore, openBenchStore, settle } from './benchStore.js';
import { runUntilAllEnded, setUpEngineCampaign } from './engineRun.js';
import { type BenchRow, formatNumber, percent, type ScenarioResult } from './report.js';

export interface OccupancyOptions {
  jobs: number;
  lines: number;
  dialects: BenchDialect[];
  log(line: string): void;
}

interface Occupancy {
  /** Time-weighted share of line capacity busy from the start to the last claim. */
  share: number;
  /** Virtual ms from the start to the last claim. */
  spanMs: number;
  calls: number;
  wallSeconds: number;
  /** The longest stretch of virtual time with a line free while work was due, ms. */
  longestGapMs: number;
  /** The same share computed from the stored tasks' actual_time…end_time: a check on the events. */
  shareFromTasks: number;
}

/** Time-weighted busy share of `lines` over [from, to] from +1/-1 steps. */
function busyShare(steps: { at: number; d: 1 | -1 }[], lines: number, from: number, to: number) {
  const sorted = [...steps].sort((a, b) => a.at - b.at || b.d - a.d);
  let busy = 0;
  let area = 0;
  let t = from;
  let freeSince: number | null = null;
  let longestGapMs = 0;
  for (const { at, d } of sorted) {
    if (at > to) break;
    area += Math.min(busy, lines) * (at - t);
    t = at;
    busy += d;
    if (busy < lines && freeSince === null) freeSince = at;
    if (busy >= lines && freeSince !== null) {
      longestGapMs = Math.max(longestGapMs, at - freeSince);
      freeSince = null;
    }
  }
  area += Math.min(busy, lines) * (to - t);
  if (freeSince !== null) longestGapMs = Math.max(longestGapMs, to - freeSince);
  return { share: to > from ? area / (lines * (to - from)) : 1, longestGapMs };
}

/**
 * Busy lines over virtual time, from the engine's own events: a call holds its line from
 * 'engine:call:started' (its `at`) to its end (the `at` of 'engine:call:ended'). The window runs from
 * the start to the instant the last job was claimed: until then work was due for every free line.
 */
async function measure(store: BenchStore, o: OccupancyOptions): Promise<Occupancy> {
  const c = await setUpEngineCampaign(store, { jobs: o.jobs, lines: o.lines, profile: 'default' });
  const start = c.clock.now();
  const deltas: { at: number; d: 1 | -1 }[] = [];
  let lastClaimAt = start;
  let started = 0;
  c.engine.events.on('engine:call:started', (e) => {
    deltas.push({ at: e.at, d: 1 });
    lastClaimAt = Math.max(lastClaimAt, e.at);
    started++;
  });
  c.engine.events.on('engine:call:ended', (e) => {
    deltas.push({ at: e.at, d: -1 });
  });
  await settle(store);
  const t0 = performance.now();
  const run = await runUntilAllEnded(c);
  const wallSeconds = (performance.now() - t0) / 1000;
  if (!run.finished || started !== o.jobs) throw new Error(`occupancy: ${started} of ${o.jobs} calls placed`);

  const fromEvents = busyShare(deltas, o.lines, start, lastClaimAt);
  const tasks = await store.db.selectFrom('task').select(['actual_time', 'end_time']).execute();
  const fromTasks = busyShare(
    tasks.flatMap((x) => [
      { at: x.actual_time as number, d: 1 as const },
      { at: x.end_time as number, d: -1 as const },
    ]),
    o.lines,
    start,
    lastClaimAt,
  );
  const spanMs = lastClaimAt - start;
  return {
    share: fromEvents.share,
    spanMs,
    calls: started,
    wallSeconds,
    longestGapMs: fromEvents.longestGapMs,
    shareFromTasks: fromTasks.share,
  };
}

export async function benchOccupancy(o: OccupancyOptions): Promise<ScenarioResult> {
  const rows: BenchRow[] = [];
  for (const dialect of o.dialects) {
    o.log(`  occupancy on ${dialect}…`);
    const store = await openBenchStore(dialect);
    const m = await measure(store, o).finally(() => store.drop());
    rows.push({
      dialect,
      measured: m.share * 100,
      baseline: 100,
      ratio: m.share,
      met: m.share >= 0.98,
      details: [
        `${formatNumber(m.calls)} calls`,
        `${formatNumber(m.spanMs / 60_000, 1)} virtual min until the last claim`,
        `mean ${formatNumber(m.share * o.lines, 1)} of ${o.lines} lines busy (${percent(m.share, 2)})`,
        `longest stretch with a line free ${formatNumber(m.longestGapMs / 1000, 1)} s`,
        `from the task table ${percent(m.shareFromTasks, 2)}`,
        `${formatNumber(m.wallSeconds, 1)} s wall`,
      ],
    });
  }
  return {
    name: 'occupancy',
    title: `${formatNumber(o.jobs)} jobs due at once on ${formatNumber(o.lines)} lines of capacity 1, sim profile 'default' (real ring and talk times), engine on a virtual clock; time-weighted share of line capacity busy until the last job was claimed`,
    unit: '% busy',
    measuredLabel: 'busy',
    baselineLabel: 'ideal',
    target: '≥ 98%',
    rows,
    notes: [
      'busy from the engine’s events: a line is held from engine:call:started to its call’s end (engine:call:ended `at`); checked against the stored tasks’ actual_time…end_time',
      'on the virtual clock store work takes no virtual time, so this measures whether the engine refills a freed line at the instant it frees (wake on call end, claim sizing), not database speed',
    ],
  };
}
