import type { EffectivePolicy } from '../core/policy/types.js';
import { type HttpTarget, httpPost, httpTarget } from '../events/sinks/httpPost.js';

export type VerificationHook = NonNullable<EffectivePolicy['verification']>;

/** What the hook is asked about: one dial, before it is placed. */
export interface DialToVerify {
  instanceId: string;
  jobGroupId: string;
  jobId: string;
  referenceId: string;
  calledNumber: string;
  attempt: number;
}

export interface VerifyResult {
  allow: boolean;
  /** Why: the hook's `reason`, or what went wrong and which default applied. */
  detail: string;
}

/**
 * Asks an instance's pre-dial hook whether a dial may go ahead: POST the dial as JSON; a 2xx reply whose
 * body is `{"allow": true}` lets it go, `{"allow": false, "reason": "…"}` vetoes it. No reply within the
 * hook's timeout, a non-2xx reply or another body all count as the hook's stated `onTimeout` default.
 */
export function createDialVerifier() {
  const targets = new Map<string, HttpTarget>();
  const targetOf = (url: string) => {
    let t = targets.get(url);
    if (!t) {
      t = httpTarget(url, 16);
      targets.set(url, t);
    }
    return t;
  };
  return {
    async verify(hook: VerificationHook, dial: DialToVerify): Promise<VerifyResult> {
      const fallback = (why: string): VerifyResult => ({
        allow: hook.onTimeout === 'allow',
        detail: `${why}; the hook's default (${hook.onTimeout}) applied`,
      });
      try {
        const reply = await httpPost(
          targetOf(hook.url),
          { 'content-type': 'application/json' },
          JSON.stringify(dial),
          AbortSignal.timeout(hook.timeoutMs),
        );
        if (reply.status < 200 || reply.status >= 300) return fallback(`the hook answered HTTP ${reply.status}`);
        const body = JSON.parse(reply.text) as { allow?: unknown; reason?: unknown };
        if (typeof body.allow !== 'boolean') return fallback('the hook answered without a boolean "allow"');
        const reason = typeof body.reason === 'string' ? body.reason : '';
        return {
          allow: body.allow,
          detail: body.allow ? 'allowed by the hook' : `vetoed by the hook${reason ? `: ${reason}` : ''}`,
        };
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        return fallback(
          timedOut ? `no reply within ${hook.timeoutMs} ms` : `the hook could not be reached (${String(error)})`,
        );
      }
    },
    async close() {
      for (const t of targets.values()) await t.close();
      targets.clear();
    },
  };
}
