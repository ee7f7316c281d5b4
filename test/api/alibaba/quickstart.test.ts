import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/testServer.js';

const SCRIPT = fileURLToPath(new URL('../../../examples/alibaba-quickstart.mjs', import.meta.url));

describe("the README's pop-core quick start", () => {
  let s: TestServer;
  beforeAll(async () => {
    // pop-core stamps requests with the wall clock: the server's clock starts there too.
    s = await startTestServer('sqlite', { startAt: Date.now() });
  });
  afterAll(() => s.close());

  it('creates a group, assigns a job and reads its progress, unchanged but for endpoint and keys', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT], {
      env: {
        ...process.env,
        OUTDIAL_URL: s.url,
        ACCESS_KEY_ID: s.accessKeyId,
        ACCESS_KEY_SECRET: s.accessKeySecret,
        INSTANCE_ID: s.instanceId,
      },
    });
    const out = JSON.parse(stdout);
    expect(out.jobIds).toHaveLength(1);
    expect(out.status).toBe('Scheduling');
    expect(out.progress.TotalJobs).toBe(1);
    const job = await s.call('GET', `/v1/jobs/${out.jobIds[0]}`);
    expect(job.body.contacts[0].name).toBe('张三');
    expect(job.body.extras).toEqual([{ key: 'amount', value: '1200' }]);
  });
});
