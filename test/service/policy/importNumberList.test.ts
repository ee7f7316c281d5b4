import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../src/core/virtualClock.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { importNumberList } from '../../../src/service/policy/importNumberList.js';
import { listListEntries } from '../../../src/store/policy/listListEntries.js';
import { matchNumbers } from '../../../src/store/policy/matchNumbers.js';
import { testIds } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { T0 } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const DAY = 86_400_000;

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: importNumberList`, () => {
    let t: TestStore;
    let deps: ServiceDeps;
    let n = 0;
    const scope = () => `inst-${dialect}-${n++}`;
    const entries = async (s: string, list: 'block' | 'allow' = 'block') =>
      listListEntries(t.db, { scope: s, list, now: T0 }, { limit: 1000 });
    beforeAll(async () => {
      t = await openTestStore(dialect);
      deps = {
        db: t.db,
        caps: t.caps,
        clock: createVirtualClock(T0),
        newId: testIds(),
        defaultCountry: 'CN',
        defaultTimeZone: 'Asia/Shanghai',
      };
    });
    afterAll(() => t.drop());

    it('reads the `number` column and a `reason` column, reporting bad rows by their line in the file', async () => {
      const s = scope();
      const csv = [
        '\uFEFFname,Number,Reason',
        'a,13800138000,complaint',
        '',
        'b,not-a-number,x',
        '"c\nd",+86 139*,',
        'e,010-6552 9988,litigation',
      ].join('\r\n');
      const report = await importNumberList(deps, { scope: s, list: 'block', csv, reason: 'imported' });
      expect(report).toEqual({
        rows: 4,
        accepted: 3,
        rejected: 1,
        errors: [{ line: 4, value: 'not-a-number', message: 'contains letters' }],
        errorsTruncated: false,
      });
      expect((await entries(s)).map((e) => [e.pattern, e.reason])).toEqual([
        ['+861065529988', 'litigation'],
        ['+8613800138000', 'complaint'],
        ['+86139*', 'imported'],
      ]);
    });

    it('takes a file without a header as one number per line, and a header of other names as its first column', async () => {
      const plain = scope();
      await importNumberList(deps, { scope: plain, list: 'allow', csv: '13800138001\n13800138002\n' });
      expect((await entries(plain, 'allow')).map((e) => e.pattern)).toEqual(['+8613800138001', '+8613800138002']);

      const headed = scope();
      const report = await importNumberList(deps, {
        scope: headed,
        list: 'block',
        csv: '手机号,备注\n13800138003,x\n',
      });
      expect(report).toMatchObject({ rows: 1, accepted: 1, rejected: 0 });
      expect((await entries(headed)).map((e) => e.pattern)).toEqual(['+8613800138003']);
    });

    it('updates entries already listed and gives every row the expiry asked for', async () => {
      const s = scope();
      await importNumberList(deps, { scope: s, list: 'block', csv: 'number,reason\n13800138004,first\n' });
      await importNumberList(deps, {
        scope: s,
        list: 'block',
        csv: 'number\n13800138004\n13800138005\n',
        expiresAt: T0 + DAY,
      });
      expect((await entries(s)).map((e) => [e.pattern, e.reason, e.expiresAt])).toEqual([
        ['+8613800138004', 'first', T0 + DAY],
        ['+8613800138005', '', T0 + DAY],
      ]);
      const later = await matchNumbers(t.db, t.caps, s, 'block', ['+8613800138004'], T0 + DAY, false);
      expect(later.size).toBe(0);
    });

    it('stores 50,000 rows streamed in pieces, every one matchable', async () => {
      const s = scope();
      const count = 50_000;
      const numberOf = (i: number) => `139${String(i).padStart(8, '0')}`;
      let i = 0;
      const csv = new Readable({
        read() {
          let chunk = i === 0 ? 'number\n' : '';
          while (i < count && chunk.length < 10_000) chunk += `${numberOf(i++)}\n`;
          this.push(chunk === '' ? null : chunk);
        },
      });
      const progress: number[] = [];
      const report = await importNumberList(deps, {
        scope: s,
        list: 'block',
        csv,
        onProgress: (p) => progress.push(p.accepted),
      });
      expect(report).toMatchObject({ rows: count, accepted: count, rejected: 0 });
      // Stored in chunks as the file streams in, not at the end.
      expect(progress.length).toBeGreaterThan(5);
      const sample = [0, 1, 24_999, 49_999].map((k) => `+86${numberOf(k)}`);
      const found = await matchNumbers(t.db, t.caps, s, 'block', [...sample, '+8613900050000'], T0, false);
      expect([...found.keys()].sort()).toEqual(sample.sort());
    });

    it('stops where the upload stops being CSV, keeping the rows read before and saying so', async () => {
      const s = scope();
      // The first piece is read before the broken one arrives, as with a large upload.
      const pieces = ['number\n13800138006\n13800138010\n13800138011\n', '"13800138007\n13800138008'];
      const csv = new Readable({
        read() {
          const piece = pieces.shift();
          if (piece === undefined) this.push(null);
          else setTimeout(() => this.push(piece), 20);
        },
      });
      const error = await rejection(importNumberList(deps, { scope: s, list: 'block', csv }));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.field).toBe('csv');
      expect(error.message).toMatch(
        /^csv: line \d+ is not valid CSV \(Quote Not Closed.*good rows before it are stored$/,
      );
      const stored = (await entries(s)).map((e) => e.pattern);
      expect(stored.length).toBeGreaterThan(0);
      expect(error.details.report).toMatchObject({ accepted: stored.length });
      expect(['+8613800138006', '+8613800138010', '+8613800138011'].slice(0, stored.length)).toEqual(stored);
    });

    it('refuses an empty file, an expiry in the past and a bad delimiter, storing nothing', async () => {
      const s = scope();
      expect((await rejection(importNumberList(deps, { scope: s, list: 'block', csv: '\n\n' }))).details.field).toBe(
        'csv',
      );
      const past = importNumberList(deps, { scope: s, list: 'block', csv: '13800138009\n', expiresAt: T0 });
      expect((await rejection(past)).details.field).toBe('expiresAt');
      const delimiter = importNumberList(deps, { scope: s, list: 'block', csv: '13800138009\n', delimiter: '' });
      expect((await rejection(delimiter)).details.field).toBe('delimiter');
      expect(await entries(s)).toEqual([]);
    });
  });
}
