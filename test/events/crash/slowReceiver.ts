import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it arrived in full. */
export interface Receipt {
  /** Arrival order across all requests. */
  seq: number;
  eventId: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SlowReceiver {
  url: string;
  receipts: Receipt[];
  /** Requests whose reply has not gone out (nor their connection closed). */
  open(): number;
  /** Resolves when a request is open: at once if one is, else at the next request's arrival. */
  whenOpen(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A webhook receiver on a loopback port that records every request and answers 200 after `delayMs()`
 * milliseconds, so a sender killed at the wrong moment leaves requests received but unacknowledged.
 */
export async function startSlowReceiver(delayMs: () => number): Promise<SlowReceiver> {
  const receipts: Receipt[] = [];
  let open = 0;
  let waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    open++;
    const w = waiters;
    waiters = [];
    for (const f of w) f();
    let closed = false;
    res.on('close', () => {
      closed = true;
      open--;
    });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receipts.push({
        seq: receipts.length,
        eventId: String(req.headers['x-outdial-event-id']),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      setTimeout(() => {
        if (!closed) res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      }, delayMs());
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    receipts,
    open: () => open,
    whenOpen: () => (open > 0 ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
