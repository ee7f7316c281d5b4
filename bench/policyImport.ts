import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { createVirtualClock } from '../src/core/virtualClock.js';
import type { ServiceDeps } from '../src/service/deps.js';
import { importNumberList } from '../src/service/policy/importNumberList.js';
import { matchNumbers } from '../src/store/policy/matchNumbers.js';
import { type BenchDialect, openBenchStore, settle } from './benchStore.js';

/**
 * Block-list import: `npx tsx bench/policyImport.ts [rows] [dialects]` (default 1,000,000 rows, sqlite,postgres).
 * A CSV of `rows` distinct Chinese mobile numbers written in national form (`138…`, as operators export them),
 * every 100th a prefix (`139…*`), streamed through importNumberList into a fresh store the way the REST upload
 * streams it; then matchNumbers on batches of 1,000 numbers against the full list.
 */
const ROWS = Number(process.argv[2] ?? 1_000_000);
const DIALECTS = (process.argv[3] ?? 'sqlite,postgres').split(',') as BenchDialect[];
const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);
const LOOKUP_BATCH = 1_000;
const LOOKUP_ROUNDS = 20;

const numberOf = (i: number) => `138${String(i).padStart(8, '0')}`;

/** The CSV as an upload arrives: chunks of about 64 KiB, generated as they are read. */
function csvStream(rows: number): Readable {
  let i = 0;
  return new Readable({
    read() {
      if (i === 0) this.push('number,reason\n');
      let chunk = '';
      while (i < rows && chunk.length < 65_536) {
        chunk += i % 100 === 99 ? `139${String(i).padStart(6, '0')}*,range\n` : `${numberOf(i)},\n`;
        i++;
      }
      this.push(chunk === '' ? null : chunk);
    },
  });
}

async function run(dialect: BenchDialect): Promise<void> {
  const store = await openBenchStore(dialect);
  try {
    await settle(store);
    const deps: ServiceDeps = {
      db: store.db,
      caps: store.caps,
      clock: createVirtualClock(T0),
      newId: randomUUID,
      defaultCountry: 'CN',
      defaultTimeZone: 'Asia/Shanghai',
    };
    const started = performance.now();
    const report = await importNumberList(deps, {
      scope: 'bench-instance',
      list: 'block',
      csv: csvStream(ROWS),
      reason: 'bench',
    });
    const seconds = (performance.now() - started) / 1000;
    const { n } = await store.db
      .selectFrom('number_list')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `${dialect}: imported ${report.accepted.toLocaleString('en')} of ${report.rows.toLocaleString('en')} rows ` +
        `(${report.rejected} rejected, ${Number(n).toLocaleString('en')} stored) in ${seconds.toFixed(1)} s: ` +
        `${Math.round(report.accepted / seconds).toLocaleString('en')} rows/s`,
    );

    // Lookups against the full list: half the numbers listed, a quarter under a prefix, a quarter unlisted.
    const lookups: number[] = [];
    let matched = 0;
    for (let round = 0; round < LOOKUP_ROUNDS; round++) {
      const numbers = Array.from({ length: LOOKUP_BATCH }, (_, k) => {
        const i = (round * LOOKUP_BATCH + k) * 37;
        return k % 4 === 3 ? `+86150${String(i).padStart(8, '0')}` : `+86${numberOf(i % ROWS)}`;
      });
      const t = performance.now();
      matched += (await matchNumbers(store.db, store.caps, 'bench-instance', 'block', numbers, T0, true)).size;
      lookups.push(performance.now() - t);
    }
    lookups.sort((a, b) => a - b);
    const median = lookups[Math.floor(lookups.length / 2)] ?? 0;
    console.log(
      `${dialect}: matchNumbers ${LOOKUP_BATCH.toLocaleString('en')} numbers against the list: median ` +
        `${median.toFixed(1)} ms (${((median * 1000) / LOOKUP_BATCH).toFixed(1)} µs/number), ` +
        `${matched.toLocaleString('en')} of ${(LOOKUP_BATCH * LOOKUP_ROUNDS).toLocaleString('en')} matched`,
    );
  } finally {
    await store.drop();
  }
}

console.log(`node ${process.version}; ${ROWS.toLocaleString('en')} rows`);
for (const dialect of DIALECTS) await run(dialect);
