import type { Dispatcher } from 'undici';
import { Pool } from 'undici';

/** Bytes of a reply body kept: enough for an acknowledgement and an error snippet. */
const MAX_REPLY_BYTES = 64 * 1024;

export interface HttpReply {
  status: number;
  text: string;
}

/** Keep-alive connections to one receiver, at most `maxSockets` at a time. */
export interface HttpTarget {
  url: URL;
  pool: Pool;
  close(): Promise<void>;
}

export function httpTarget(url: string, maxSockets: number): HttpTarget {
  const u = new URL(url);
  // No pipelining: a POST waits for its own connection, so one slow reply never holds up the next.
  const pool = new Pool(u.origin, { connections: maxSockets, pipelining: 1 });
  return { url: u, pool, close: () => pool.destroy() };
}

/** A POST on its way: its reply, and a way to give up on it. */
export interface PostInFlight {
  reply: Promise<HttpReply>;
  /** Rejects `reply` with `reason` at once and drops the request (unsent) or its connection (sent). */
  abort(reason: Error): void;
}

/**
 * Starts one POST, redirects not followed; the reply's status and (capped) body, or the socket's error.
 * undici (Node's own HTTP client) through its dispatch handler rather than `request`, node:http or fetch:
 * no stream, AbortSignal or listener per request. On keep-alive connections here that is about 2.7 times
 * the requests per second of node:http, and a quarter less CPU per request than undici's `request`, which
 * a busy dispatcher needs (bench/RESULTS.md).
 */
export function startPost(target: HttpTarget, headers: Record<string, string>, body: string): PostInFlight {
  let settled = false;
  let controller: Dispatcher.DispatchController | undefined;
  let abortedWith: Error | undefined;
  let resolveReply!: (r: HttpReply) => void;
  let rejectReply!: (e: Error) => void;
  const reply = new Promise<HttpReply>((resolve, reject) => {
    resolveReply = resolve;
    rejectReply = reject;
  });
  const settle = (outcome: { reply: HttpReply } | { error: Error }) => {
    if (settled) return;
    settled = true;
    if ('reply' in outcome) resolveReply(outcome.reply);
    else rejectReply(outcome.error);
  };
  let status = 0;
  let chunks: Buffer[] = [];
  let kept = 0;
  const text = () => (chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8').slice(0, MAX_REPLY_BYTES));
  target.pool.dispatch(
    { path: target.url.pathname + target.url.search, method: 'POST', headers, body },
    {
      onRequestStart(c) {
        controller = c;
        if (abortedWith) c.abort(abortedWith);
      },
      onResponseStart(_c, statusCode) {
        status = statusCode;
      },
      onResponseData(c, chunk) {
        if (settled) return;
        chunks.push(chunk);
        kept += chunk.length;
        if (kept >= MAX_REPLY_BYTES) {
          settle({ reply: { status, text: text() } });
          chunks = [];
          c.abort(new Error('reply body over the kept size'));
        }
      },
      onResponseEnd() {
        settle({ reply: { status, text: text() } });
      },
      onResponseError(_c, error) {
        settle({ error });
      },
    },
  );
  return {
    reply,
    abort(reason) {
      if (settled) return;
      abortedWith = reason;
      settle({ error: reason });
      controller?.abort(reason);
    },
  };
}

/** One POST (see startPost) that rejects with the signal's reason when the signal aborts. */
export async function httpPost(
  target: HttpTarget,
  headers: Record<string, string>,
  body: string,
  signal?: AbortSignal,
): Promise<HttpReply> {
  const post = startPost(target, headers, body);
  if (!signal) return post.reply;
  const onAbort = () => post.abort(abortReason(signal));
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await post.reply;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** An aborted signal's reason as an Error. */
export const abortReason = (signal: AbortSignal): Error =>
  signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason));
