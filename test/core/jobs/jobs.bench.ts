// Hot-path costs of job validation. Run: npx vitest bench --run test/core/jobs
import { bench, describe } from 'vitest';
import { normalizePhoneNumber } from '../../../src/core/jobs/normalizePhoneNumber.js';
import { parseJobBatch } from '../../../src/core/jobs/parseJobBatch.js';
import { parseJobInput } from '../../../src/core/jobs/parseJobInput.js';
import { createSeededRandom } from '../../../src/core/random.js';

const N = 10_000;
const random = createSeededRandom(42);
const digit = () => Math.floor(random.next() * 10);
const mobile = () => `1${3 + Math.floor(random.next() * 7)}${Array.from({ length: 9 }, digit).join('')}`;

// 179xx is a carrier prefix, not a mobile block (see normalizePhoneNumber.test.ts).
const mobiles = Array.from({ length: N * 2 }, mobile)
  .filter((m) => !m.startsWith('179'))
  .slice(0, N);
const formatted = mobiles.map((m) => `+86 ${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`);
const jobs = mobiles.map((phoneNumber, i) => ({
  extras: [
    { key: 'name', value: 'wwh' },
    { key: 'businessParamOne', value: '2019-08-21 09:49:59.0' },
    { key: 'amount', value: 12.5 },
  ],
  contacts: [{ phoneNumber, name: '张三', referenceId: `ref-${i}`, honorific: '张先生' }],
  ...(i % 2 ? { priority: 10, timeZone: 'Asia/Shanghai' } : {}),
}));
const jobStrings = jobs.map((job) => JSON.stringify(job));
const CN = { defaultCountry: 'CN' } as const;

describe(`${N} per iteration`, () => {
  bench('normalizePhoneNumber, plain CN mobiles', () => {
    for (const m of mobiles) normalizePhoneNumber(m, 'CN');
  });
  bench('normalizePhoneNumber, "+86 138-0013-8000" style', () => {
    for (const m of formatted) normalizePhoneNumber(m, 'CN');
  });
  bench('parseJobInput, objects', () => {
    for (const job of jobs) parseJobInput(job, 'jobs[0]', CN);
  });
  bench('parseJobInput, JSON strings', () => {
    for (const job of jobStrings) parseJobInput(job, 'jobs[0]', CN);
  });
  bench('parseJobBatch, objects', () => {
    parseJobBatch(jobs, CN);
  });
});
