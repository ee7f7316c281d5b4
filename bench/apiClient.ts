import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { API_VERSION } from '../src/api/alibaba/authenticate.js';
import { canonicalize, percentEncode, sign } from '../src/api/alibaba/signature.js';
import { jobJson } from './jobsData.js';

/** What a load-generating client needs to reach the server. */
export interface ClientTarget {
  url: string;
  instanceId: string;
  apiKey: string;
  accessKeyId: string;
  accessKeySecret: string;
}

export type ClientTask =
  | {
      kind: 'assign';
      target: ClientTarget;
      way: 'alibaba' | 'rest';
      groupId: string;
      jobs: number;
      perCall: number;
      concurrency: number;
    }
  | {
      kind: 'latency';
      target: ClientTarget;
      request: 'describeJob' | 'restJob' | 'healthz';
      jobIds: string[];
      requests: number;
      clients: number;
    };

export type ClientResult = { seconds: number } | { p50: number; p99: number; rps: number };

/**
 * Runs a client task on its own thread: the clients' signing, encoding and parsing do not take the
 * server's event loop, so the figures are the server's.
 */
export function runClient(task: ClientTask): Promise<ClientResult> {
  const here = new URL(import.meta.url);
  const ts = here.pathname.endsWith('.ts');
  const worker = new Worker(new URL(`./apiClientWorker.${ts ? 'ts' : 'js'}`, here), {
    workerData: task,
    execArgv: ts ? ['--import', 'tsx'] : [],
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: ClientResult | { error: string }) => {
      if ('error' in m) reject(new Error(m.error));
      else resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** A signed OutboundBot request, built as pop-core builds it (form body on POST, query string on GET). */
export function signedRequest(
  t: ClientTarget,
  method: 'GET' | 'POST',
  action: string,
  params: Record<string, string>,
): { url: string; init: RequestInit } {
  const all: Record<string, string> = {
    Action: action,
    Format: 'JSON',
    Version: API_VERSION,
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: randomUUID().replaceAll('-', ''),
    AccessKeyId: t.accessKeyId,
    ...params,
  };
  const query = `${canonicalize(all)}&Signature=${percentEncode(sign(method, all, t.accessKeySecret))}`;
  return method === 'GET'
    ? { url: `${t.url}/?${query}`, init: { method } }
    : {
        url: `${t.url}/`,
        init: { method, body: query, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      };
}

async function send(url: string, init: RequestInit): Promise<void> {
  const res = await fetch(url, init);
  const body = await res.text();
  if (res.status < 200 || res.status > 299) throw new Error(`${res.status} ${body.slice(0, 300)}`);
}

/** Runs `calls` tasks with at most `concurrency` at once. */
export async function pool(calls: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, calls) }, async () => {
      while (next < calls) await task(next++);
    }),
  );
}

export const jobRange = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => jobJson(from + k));

function assignCall(t: ClientTarget, way: 'alibaba' | 'rest', groupId: string, from: number, to: number) {
  if (way === 'rest') {
    return send(`${t.url}/v1/job-groups/${groupId}/jobs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ jobs: jobRange(from, to) }),
    });
  }
  const params: Record<string, string> = { InstanceId: t.instanceId, JobGroupId: groupId };
  jobRange(from, to).forEach((job, k) => {
    params[`JobsJson.${k + 1}`] = JSON.stringify(job);
  });
  const req = signedRequest(t, 'POST', 'AssignJobs', params);
  return send(req.url, req.init);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export async function runClientTask(task: ClientTask): Promise<ClientResult> {
  const t = task.target;
  if (task.kind === 'assign') {
    const calls = Math.ceil(task.jobs / task.perCall);
    const t0 = performance.now();
    await pool(calls, task.concurrency, (c) =>
      assignCall(t, task.way, task.groupId, c * task.perCall, Math.min(task.jobs, (c + 1) * task.perCall)),
    );
    return { seconds: (performance.now() - t0) / 1000 };
  }
  let k = 0;
  const pick = () => task.jobIds[k++ % task.jobIds.length] as string;
  const one = (): Promise<void> => {
    if (task.request === 'healthz') return send(`${t.url}/healthz`, {});
    if (task.request === 'restJob') {
      return send(`${t.url}/v1/jobs/${pick()}`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    }
    const req = signedRequest(t, 'GET', 'DescribeJob', { InstanceId: t.instanceId, JobId: pick() });
    return send(req.url, req.init);
  };
  // Warm-up: every client opens its keep-alive connection and the code paths are compiled before timing.
  await pool(task.clients * 5, task.clients, one);
  const ms: number[] = [];
  const t0 = performance.now();
  await pool(task.requests, task.clients, async () => {
    const started = performance.now();
    await one();
    ms.push(performance.now() - started);
  });
  const seconds = (performance.now() - t0) / 1000;
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), rps: task.requests / seconds };
}
