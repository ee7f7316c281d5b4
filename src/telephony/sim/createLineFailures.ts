import type { DialRequest } from '../port.js';

/**
 * Makes dials on matching lines fail at once as line failures (for failover tests). A rule with neither
 * id matches every line; `from`/`until` bound it in the clock's UTC ms, half-open [from, until).
 */
export interface LineFailureRule {
  lineGroupId?: string;
  lineId?: string;
  from?: number;
  until?: number;
  /** Default Failed. */
  status?: 'Failed' | 'CallerNotRegistered';
}

export interface LineFailures {
  /** The failure a dial on this line at `now` meets, if any. */
  failureFor(
    line: Pick<DialRequest, 'lineGroupId' | 'lineId'>,
    now: number,
  ): 'Failed' | 'CallerNotRegistered' | undefined;
  /** Takes a line group or a line (by id) down or brings it back; a down line fails with Failed. */
  setDown(lineGroupIdOrLineId: string, down: boolean): void;
}

export function createLineFailures(rules: readonly LineFailureRule[]): LineFailures {
  const down = new Set<string>();
  return {
    failureFor(line, now) {
      for (const r of rules) {
        if (r.lineGroupId !== undefined && r.lineGroupId !== line.lineGroupId) continue;
        if (r.lineId !== undefined && r.lineId !== line.lineId) continue;
        if (r.from !== undefined && now < r.from) continue;
        if (r.until !== undefined && now >= r.until) continue;
        return r.status ?? 'Failed';
      }
      if (down.has(line.lineGroupId) || down.has(line.lineId)) return 'Failed';
      return undefined;
    },
    setDown(id, isDown) {
      if (isDown) down.add(id);
      else down.delete(id);
    },
  };
}
