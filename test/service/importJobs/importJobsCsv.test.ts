import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../src/core/virtualClock.js';
import { assignJobs } from '../../../src/service/assignJobs.js';
import { createInstance } from '../../../src/service/createInstance.js';
import { createJobGroup } from '../../../src/service/createJobGroup.js';
import { createLineGroup } from '../../../src/service/createLineGroup.js';
import type { ServiceDeps } from '../../../src/service/deps.js';
import { type CsvMapping, parseCsvMapping } from '../../../src/service/importJobs/csvMapping.js';
import {
  type CsvImportProgress,
  type CsvImportReport,
  importJobsCsv,
} from '../../../src/service/importJobs/importJobsCsv.js';
import { getJobGroup } from '../../../src/store/jobGroups/getJobGroup.js';
import { testIds } from '../../support/campaign.js';
import { rejection } from '../../support/rejection.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
const DAY = 86_400_000;

/** The file as an upload delivers it: bytes in pieces that may split a character or a line. */
function upload(text: string | Buffer, pieceBytes = 4096): Readable {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += pieceBytes) pieces.push(bytes.subarray(i, i + pieceBytes));
  return Readable.from(pieces);
}

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: importing jobs from a CSV file`, () => {
    let t: TestStore;
    let deps: ServiceDeps;
    let wakes: number;
    let instanceId: string;
    let lineGroupIds: string[];
    let groupId: string;
    beforeEach(async () => {
      t = await openTestStore(dialect);
      wakes = 0;
      deps = {
        db: t.db,
        caps: t.caps,
        clock: createVirtualClock(T0),
        newId: testIds(),
        defaultCountry: 'CN',
        defaultTimeZone: 'Asia/Shanghai',
        wake: () => {
          wakes++;
        },
      };
      instanceId = (await createInstance(deps, { name: 'acme' })).id;
      lineGroupIds = [(await createLineGroup(deps, { instanceId, name: 'trunk', callingNumbers: ['02100000001'] })).id];
      groupId = (await createJobGroup(deps, { instanceId, name: 'g', lineGroupIds })).id;
    });
    afterEach(() => t.drop());

    const importCsv = (
      csv: Readable,
      mapping: CsvMapping = { phoneNumber: 'phoneNumber' },
      more: { jobGroupId?: string; strategy?: unknown; onProgress?: (p: CsvImportProgress) => void } = {},
    ): Promise<CsvImportReport> => importJobsCsv(deps, { instanceId, jobGroupId: groupId, csv, mapping, ...more });
    const jobsOf = (jobGroupId = groupId) =>
      t.db.selectFrom('job').selectAll().where('job_group_id', '=', jobGroupId).orderBy('id').execute();
    const jobCount = async () => (await t.db.selectFrom('job').select('id').execute()).length;
    const statusOf = async (id = groupId) => (await getJobGroup(t.db, id))?.status;

    it('reads an Excel export: BOM, CRLF, quoted commas and line breaks, Chinese headers mapped', async () => {
      const text =
        '\ufeff客户编号,手机号,姓名,称呼,地址\r\n' +
        'C1,138 0013 8000,张三,先生,"北京市,朝阳区"\r\n' +
        'C2,13800138001,"李""四""",,"上海市\r\n浦东新区"\r\n' +
        'C3,not a phone,王五,,杭州\r\n';
      const mapping = parseCsvMapping({
        'map.phoneNumber': '手机号',
        'map.referenceId': '客户编号',
        'map.name': '姓名',
        'map.honorific': '称呼',
      });
      const report = await importCsv(upload(text, 5), mapping);

      expect(report).toMatchObject({ jobGroupId: groupId, rows: 3, accepted: 2, rejected: 1, errorsTruncated: false });
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]).toMatchObject({ row: 5, field: '手机号', code: 'INVALID_PHONE_NUMBER' });
      expect(report.errors[0]!.message).toMatch(/^手机号: .*'not a phone'/);
      const jobs = await jobsOf();
      expect(report.jobIds).toEqual(jobs.map((j) => j.id));
      expect(jobs.map((j) => [j.reference_id, j.phone_number])).toEqual([
        ['C1', '+8613800138000'],
        ['C2', '+8613800138001'],
      ]);
      expect(JSON.parse(jobs[0]!.contacts)[0]).toMatchObject({
        phoneNumber: '138 0013 8000',
        name: '张三',
        honorific: '先生',
      });
      expect(JSON.parse(jobs[0]!.extras)).toEqual([{ key: '地址', value: '北京市,朝阳区' }]);
      expect(JSON.parse(jobs[1]!.contacts)[0].name).toBe('李"四"');
      expect(JSON.parse(jobs[1]!.extras)).toEqual([{ key: '地址', value: '上海市\r\n浦东新区' }]);
    });

    it('uses the columns named like the fields by default, in any case', async () => {
      const text =
        'PhoneNumber, REFERENCEID ,Name,honorific,priority,timezone\n' +
        '13800138000,r1,Ann,Ms,90,America/New_York\n' +
        '13800138001,r2,Bob,,,\n';
      const report = await importCsv(upload(text));
      expect(report).toMatchObject({ rows: 2, accepted: 2, rejected: 0, errors: [] });
      const jobs = await jobsOf();
      expect(jobs.map((j) => [j.reference_id, j.priority, j.time_zone])).toEqual([
        ['r1', 90, 'America/New_York'],
        ['r2', 50, null],
      ]);
      expect(JSON.parse(jobs[0]!.contacts)[0]).toMatchObject({ name: 'Ann', honorific: 'Ms' });
      expect(JSON.parse(jobs[0]!.extras)).toEqual([]);
    });

    it('copies every other column into extras, only the listed ones, or none', async () => {
      const text = 'phoneNumber,referenceId,city,plan,\n13800138000,r1,Paris,gold,\n';
      const extrasWith = async (extras: CsvMapping['extras']) => {
        const g = await createJobGroup(deps, { instanceId, name: 'e', lineGroupIds });
        const mapping: CsvMapping = { phoneNumber: 'phoneNumber', ...(extras ? { extras } : {}) };
        await importCsv(upload(text), mapping, { jobGroupId: g.id });
        return JSON.parse((await jobsOf(g.id))[0]!.extras);
      };
      const both = [
        { key: 'city', value: 'Paris' },
        { key: 'plan', value: 'gold' },
      ];
      expect(await extrasWith(undefined)).toEqual(both);
      expect(await extrasWith('*')).toEqual(both);
      expect(await extrasWith(['PLAN'])).toEqual([{ key: 'plan', value: 'gold' }]);
      expect(await extrasWith([])).toEqual([]);
      const e = await rejection(importCsv(upload(text), { phoneNumber: 'phoneNumber', extras: ['region'] }));
      expect(e.details.field).toBe('extras');
    });

    it('reports each bad row by line, field and code, and stores the good ones', async () => {
      const text = [
        'phoneNumber,referenceId,priority,timeZone', // 1
        '13800138000,ok1,,', // 2
        '', // 3
        '13800138001,p101,101,', // 4
        '13800138002,zone,,Mars/Olympus', // 5
        '13800138003,short', // 6
        ',no-phone,,', // 7
        '13800138004,,,', // 8
        ',,,', // 9: nothing in it, skipped like a blank line
        '13800138005,surplus,,,extra', // 10
        '13800138006,ok2,,,', // 11: an empty trailing cell is no extra column
        '13800138007,high,high,', // 12
      ].join('\r\n');
      const report = await importCsv(upload(text));
      expect(report).toMatchObject({ rows: 9, accepted: 2, rejected: 7 });
      expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
        [4, 'priority', 'VALIDATION_FAILED'],
        [5, 'timeZone', 'VALIDATION_FAILED'],
        [6, '', 'VALIDATION_FAILED'],
        [7, 'phoneNumber', 'INVALID_PHONE_NUMBER'],
        [8, 'referenceId', 'VALIDATION_FAILED'],
        [10, '', 'VALIDATION_FAILED'],
        [12, 'priority', 'VALIDATION_FAILED'],
      ]);
      expect(report.errors[0]!.message).toBe('priority: must be an integer from 0 to 100, got 101');
      expect(report.errors[1]!.message).toContain("unknown IANA time zone 'Mars/Olympus'");
      expect(report.errors[2]!.message).toBe('row has 2 columns, the header has 4');
      expect(report.errors[6]!.message).toContain("got 'high'");
      expect((await jobsOf()).map((j) => j.reference_id)).toEqual(['ok1', 'ok2']);
    });

    it('rejects a referenceId repeated in the file or already in the group, keeping the first', async () => {
      await assignJobs(deps, {
        jobGroupId: groupId,
        jobs: [{ contacts: [{ phoneNumber: '13900139000' }], referenceId: 'old' }],
      });
      const text = 'phoneNumber,referenceId\n13800138000,old\n13800138001,new\n13800138002,new\n';
      const report = await importCsv(upload(text));
      expect(report).toMatchObject({ rows: 3, accepted: 1, rejected: 2 });
      expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
        [2, 'referenceId', 'DUPLICATE_REFERENCE_ID'],
        [4, 'referenceId', 'DUPLICATE_REFERENCE_ID'],
      ]);
      expect(report.errors[0]!.message).toContain("already has a job with referenceId 'old'");
      expect(report.errors[1]!.message).toContain('first at line 3');
      const jobs = await jobsOf();
      expect(jobs.map((j) => [j.reference_id, j.phone_number])).toEqual([
        ['old', '+8613900139000'],
        ['new', '+8613800138001'],
      ]);
    });

    it('finds a repeat in a later chunk of a large file, and lists errors in line order', async () => {
      const lines = ['phoneNumber,referenceId'];
      for (let i = 0; i < 2500; i++) lines.push(`${13800000000 + i},r${i}`);
      lines[2101] = '13899999999,r5'; // row 2100 repeats row 5, stored with the first chunk
      lines[2102] = 'bad,x';
      const report = await importCsv(upload(lines.join('\n')));
      expect(report).toMatchObject({ rows: 2500, accepted: 2498, rejected: 2 });
      expect(report.errors.map((e) => [e.row, e.code])).toEqual([
        [2102, 'DUPLICATE_REFERENCE_ID'],
        [2103, 'INVALID_PHONE_NUMBER'],
      ]);
      expect(await jobCount()).toBe(2498);
    });

    it('without a referenceId column, uses the E.164 number, so a number is called once and re-uploading stores nothing twice', async () => {
      const text = 'phoneNumber,name\n138-0013-8000,a\n+86 138 0013 8000,b\n13800138001,c\n';
      const first = await importCsv(upload(text));
      expect(first).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
      expect(first.errors[0]).toMatchObject({ row: 3, field: 'phoneNumber', code: 'DUPLICATE_REFERENCE_ID' });
      expect((await jobsOf()).map((j) => j.reference_id)).toEqual(['+8613800138000', '+8613800138001']);
      const again = await importCsv(upload(text));
      expect(again).toMatchObject({ rows: 3, accepted: 0, rejected: 3 });
      expect(await jobCount()).toBe(2);
    });

    it('writes nothing when the header lacks the phone column, naming the mapping and the headers found', async () => {
      const e = await rejection(importCsv(upload('mobile,name\n13800138000,a\n')));
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.details.field).toBe('map.phoneNumber');
      expect(e.message).toContain("no column 'phoneNumber'");
      expect(e.message).toContain("'mobile', 'name'");

      const named = await rejection(
        importCsv(upload('phone\n13800138000\n'), parseCsvMapping({ 'map.phoneNumber': '手机号' })),
      );
      expect(named.message).toContain("no column '手机号'");
      const missingRef = await rejection(
        importCsv(upload('phoneNumber\n13800138000\n'), parseCsvMapping({ 'map.referenceId': '客户编号' })),
      );
      expect(missingRef.details.field).toBe('map.referenceId');
      // 手机号 in GBK, as an older Excel saves it
      const gbk = Buffer.concat([Buffer.from([0xca, 0xd6, 0xbb, 0xfa, 0xba, 0xc5]), Buffer.from('\n13800138000\n')]);
      const notUtf8 = await rejection(importCsv(upload(gbk), parseCsvMapping({ 'map.phoneNumber': '手机号' })));
      expect(notUtf8.message).toContain('UTF-8');
      const empty = await rejection(importCsv(upload('')));
      expect(empty.details.field).toBe('csv');

      expect(await jobCount()).toBe(0);
      expect(await statusOf()).toBe('Draft');
      expect(wakes).toBe(0);
    });

    it('refuses a cancelled group, another instance’s group and a bad strategy, writing nothing', async () => {
      const text = 'phoneNumber\n13800138000\n';
      const other = (await createInstance(deps, { name: 'other' })).id;
      const foreign = await rejection(
        importJobsCsv(deps, {
          instanceId: other,
          jobGroupId: groupId,
          csv: upload(text),
          mapping: { phoneNumber: 'phoneNumber' },
        }),
      );
      expect(foreign.code).toBe('JOB_GROUP_NOT_FOUND');
      const badStrategy = await rejection(importCsv(upload(text), undefined, { strategy: { RepeatBy: 'fortnight' } }));
      expect(badStrategy.code).toBe('INVALID_STRATEGY');
      await t.db.updateTable('job_group').set({ status: 'Cancelled' }).where('id', '=', groupId).execute();
      const cancelled = await rejection(importCsv(upload(text)));
      expect(cancelled.details.field).toBe('jobGroupId');
      expect(await jobCount()).toBe(0);
    });

    it('applies a strategy given with the import to its jobs', async () => {
      const strategy = { startTime: T0 + 30 * DAY, endTime: T0 + 40 * DAY };
      await importCsv(upload('phoneNumber\n13800138000\n'), undefined, { strategy });
      const [job] = await jobsOf();
      expect(job!.strategy).not.toBeNull();
      expect(Number(job!.next_attempt_at)).toBeGreaterThanOrEqual(T0 + 30 * DAY);
    });

    it('keeps the good rows before a line that is not CSV, and says where it stopped', async () => {
      const lines = ['phoneNumber,referenceId'];
      for (let i = 0; i < 1500; i++) lines.push(`${13800000000 + i},r${i}`);
      lines.push('13899999999,"broken"quote', '13899999998,after');
      const e = await rejection(importCsv(upload(lines.join('\n'))));
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.details).toMatchObject({ field: 'csv', line: 1502 });
      expect(e.message).toContain('line 1502');
      expect(e.message).toContain('1500 good rows before it are stored');
      expect((e.details.report as CsvImportReport).accepted).toBe(1500);
      expect(await jobCount()).toBe(1500);
    });

    it('refuses binary garbage without storing anything', async () => {
      const garbage = Buffer.alloc(200_000);
      for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 256;
      const e = await rejection(importCsv(upload(Buffer.concat([Buffer.from('phoneNumber\n'), garbage]))));
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.details.field).toBe('csv');
      expect(await jobCount()).toBe(0);
    });

    it('keeps the first 1000 errors and counts them all', async () => {
      const lines = ['phoneNumber,referenceId', '13800138000,good'];
      for (let i = 0; i < 1500; i++) lines.push(`nope,r${i}`);
      const report = await importCsv(upload(lines.join('\n')));
      expect(report).toMatchObject({ rows: 1501, accepted: 1, rejected: 1500, errorsTruncated: true });
      expect(report.errors).toHaveLength(1000);
      expect(report.errors[0]!.row).toBe(3);
      expect(report.errors[999]!.row).toBe(1002);
    });

    it('streams 100,000 rows through in chunks: the group is dialling before the file ends', async () => {
      const total = 100_000;
      let produced = 0;
      let maxAhead = 0;
      let seenWhileUploading: { jobs: number; status: string | undefined } | undefined;
      const progress: CsvImportProgress[] = [];
      async function* body() {
        yield 'phoneNumber,referenceId,name\n';
        for (let i = 0; i < total; i += 100) {
          if (i === 20_000) {
            seenWhileUploading = { jobs: await jobCount(), status: await statusOf() };
          }
          let piece = '';
          for (let k = i; k < i + 100; k++) piece += `${k % 10_000 === 9_999 ? 'x' : 13800000000 + k},r${k},n${k}\n`;
          produced += 100;
          yield piece;
        }
      }
      const report = await importCsv(Readable.from(body()), undefined, {
        onProgress: (p) => {
          progress.push(p);
          maxAhead = Math.max(maxAhead, produced - p.rows);
        },
      });
      expect(report).toMatchObject({ rows: total, accepted: total - 10, rejected: 10, errorsTruncated: false });
      expect(report.jobIds).toBeUndefined();
      expect(report.errors.map((e) => e.row)).toEqual(Array.from({ length: 10 }, (_, i) => i * 10_000 + 9_999 + 2));
      expect(await jobCount()).toBe(total - 10);
      expect(progress.at(-1)).toEqual({ rows: total, accepted: total - 10, rejected: 10 });
      expect(seenWhileUploading!.jobs).toBeGreaterThan(0);
      expect(seenWhileUploading!.status).toBe('Scheduling');
      // Backpressure: the upload is read only as fast as rows are stored.
      expect(maxAhead).toBeLessThan(10_000);
      expect(wakes).toBeGreaterThan(0);
    });
  });
}
