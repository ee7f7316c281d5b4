import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** Event ids the receiver got, each with its wall-clock time of receipt (Date.now(), ms). */
export interface Receipts {
  ids: string[];
  at: number[];
}

export interface BenchReceiver {
  url: string;
  /** What arrived since the last take, oldest first; the receiver forgets it. */
  take(): Promise<Receipts>;
  close(): Promise<void>;
}

type ToReceiver = { kind: 'take' } | { kind: 'close' };
type FromReceiver = { kind: 'listening'; port: number } | ({ kind: 'receipts' } & Receipts);

const ROLE = 'outdial-bench-events-receiver';

/**
 * A webhook receiver on its own thread, so its parsing and answering do not share the event loop of the
 * dispatcher being measured: node:http with keep-alive, 200 at once, the x-outdial-event-id of each POST
 * noted with the time it arrived.
 */
export async function startBenchReceiver(): Promise<BenchReceiver> {
  const here = new URL(import.meta.url);
  // Under tsx the thread must register tsx before it loads this file: Node 20 threads ignore `--import tsx`.
  const worker = here.pathname.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(here.href)}); })`,
        { eval: true, workerData: { role: ROLE } },
      )
    : new Worker(here, { workerData: { role: ROLE } });
  const [first] = (await once(worker, 'message')) as [FromReceiver];
  if (first.kind !== 'listening') throw new Error('the events receiver did not start');
  return {
    url: `http://127.0.0.1:${first.port}/hook`,
    async take() {
      worker.postMessage({ kind: 'take' } satisfies ToReceiver);
      const [m] = (await once(worker, 'message')) as [FromReceiver];
      if (m.kind !== 'receipts') throw new Error('the events receiver answered out of turn');
      return { ids: m.ids, at: m.at };
    },
    async close() {
      worker.postMessage({ kind: 'close' } satisfies ToReceiver);
      await once(worker, 'exit');
    },
  };
}

async function serve() {
  const port = parentPort;
  if (!port) return;
  let ids: string[] = [];
  let at: number[] = [];
  const server = createServer((req, res) => {
    const id = req.headers['x-outdial-event-id'];
    req.on('data', () => undefined);
    req.on('end', () => {
      ids.push(typeof id === 'string' ? id : '');
      at.push(Date.now());
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' }).end('ok');
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port.on('message', (m: ToReceiver) => {
    if (m.kind === 'take') {
      port.postMessage({ kind: 'receipts', ids, at } satisfies FromReceiver);
      ids = [];
      at = [];
    } else {
      server.closeAllConnections();
      server.close(() => port.close());
    }
  });
  port.postMessage({ kind: 'listening', port: (server.address() as AddressInfo).port } satisfies FromReceiver);
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) void serve();
