import http from 'node:http';
import https from 'node:https';

/** Bytes of a reply body kept: enough for an acknowledgement and an error snippet. */
const MAX_REPLY_BYTES = 64 * 1024;

export interface HttpReply {
  status: number;
  text: string;
}

/** Keep-alive connections to one receiver, at most `maxSockets` at a time. */
export interface HttpTarget {
  url: URL;
  agent: http.Agent;
}

export function httpTarget(url: string, maxSockets: number): HttpTarget {
  const u = new URL(url);
  const Agent = u.protocol === 'https:' ? https.Agent : http.Agent;
  return { url: u, agent: new Agent({ keepAlive: true, maxSockets, scheduling: 'lifo' }) };
}

/**
 * One POST over node:http(s), redirects not followed; the reply's status and (capped) body. Rejects with the
 * socket's error, or the signal's reason when aborted. node:http rather than fetch: several times the requests
 * per second on keep-alive connections, which a busy dispatcher needs.
 */
export function httpPost(
  target: HttpTarget,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(body);
    const request = target.url.protocol === 'https:' ? https.request : http.request;
    const req = request(
      target.url,
      {
        method: 'POST',
        agent: target.agent,
        signal,
        headers: { ...headers, 'content-length': String(payload.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (c: Buffer) => {
          if (kept < MAX_REPLY_BYTES) {
            chunks.push(c);
            kept += c.length;
          }
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8').slice(0, MAX_REPLY_BYTES),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
