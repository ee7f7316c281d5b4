import RPCClient from '@alicloud/pop-core';

/** What a caller's code does: the vendor's own RPC client, pointed at another endpoint. */
export interface PopClient {
  /** pop-core's default: every parameter in the query string. */
  get<T = Record<string, unknown>>(action: string, params?: Record<string, unknown>): Promise<T>;
  /** `{ method: 'POST' }`: every parameter in a form body, none in the URL. */
  post<T = Record<string, unknown>>(action: string, params?: Record<string, unknown>): Promise<T>;
}

// pop-core's own default is 3 s; tests on a loaded machine need more.
const TIMEOUT_MS = 30_000;

/**
 * `@alicloud/pop-core`'s RPCClient for OutboundBot 2019-12-26. It resolves with the JSON body whatever the
 * HTTP status, and rejects when the body's Code is not a success code (the Error carries `code` and `data`).
 */
export function popClient(o: { endpoint: string; accessKeyId: string; accessKeySecret: string }): PopClient {
  const client = new RPCClient({
    endpoint: o.endpoint,
    apiVersion: '2019-12-26',
    accessKeyId: o.accessKeyId,
    accessKeySecret: o.accessKeySecret,
  });
  return {
    get: (action, params = {}) => client.request(action, params, { timeout: TIMEOUT_MS }),
    post: (action, params = {}) => client.request(action, params, { method: 'POST', timeout: TIMEOUT_MS }),
  };
}
