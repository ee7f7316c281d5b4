import type { Line, LineGroup } from '../core/types.js';

/**
 * Line capacity held by this engine: concurrent calls per line and per line group, and call starts
 * per second per group. The rate is a sliding window: with `cps` = K/W·1000 (K = ⌈cps⌉), no window of
 * W ms ever holds more than K starts, so an integer limit holds for every second, not just on average.
 */
export interface LinePool {
  /** Replaces the known line groups, keeping calls in flight counted. */
  sync(groups: readonly LineGroup[]): void;
  /** How many calls could start on this group now. */
  available(lineGroupId: string, now: number): number;
  /** Takes a line on the group (the first, in order, with room), or null. */
  acquire(lineGroupId: string, now: number): Line | null;
  release(line: Line): void;
  /** A line that failed is skipped until `until`, so new calls go to its healthy siblings meanwhile. */
  rest(line: Line, until: number): void;
  /**
   * When a group that has free lines but reached its calls-per-second limit may start the next call; +Infinity
   * when calls per second is not what holds the group back.
   */
  throttledUntil(lineGroupId: string, now: number): number;
  inFlight(): number;
}

interface GroupState {
  group: LineGroup;
  busy: number;
  /** Sum of the lines' capacities. */
  lineCapacity: number;
  /** No line before this index has room (a scan hint; lines are in failover order). */
  firstFree: number;
  /** Start times of the latest K calls, oldest first. */
  recent: number[];
}

export function createLinePool(): LinePool {
  const groups = new Map<string, GroupState>();
  const lineBusy = new Map<string, number>();
  let total = 0;

  const rateWindow = (g: LineGroup) => {
    const k = Math.ceil(g.callsPerSecond);
    return { k, w: (1000 * k) / g.callsPerSecond };
  };
  /** Starts still allowed now by the rate limit (Infinity when the group has none). */
  const startsLeft = (s: GroupState, now: number) => {
    if (s.group.callsPerSecond <= 0) return Number.POSITIVE_INFINITY;
    const { k, w } = rateWindow(s.group);
    while (s.recent.length > 0 && (s.recent[0] as number) <= now - w) s.recent.shift();
    return k - s.recent.length;
  };
  const lineIndex = new Map<string, number>();
  const restingUntil = new Map<string, number>();
  /** Free line capacity: one subtraction, unless some line of the group is resting. */
  const lineRoom = (s: GroupState, now: number) => {
    if (restingUntil.size === 0) return s.lineCapacity - s.busy;
    let room = 0;
    for (const l of s.group.lines) if (usable(l, now)) room += l.capacity - (lineBusy.get(l.id) ?? 0);
    return room;
  };
  const usable = (l: Line, now: number) => {
    if ((lineBusy.get(l.id) ?? 0) >= l.capacity) return false;
    const until = restingUntil.get(l.id);
    if (until === undefined) return true;
    if (until > now) return false;
    restingUntil.delete(l.id);
    return true;
  };

  return {
    sync(list) {
      for (const g of list) {
        const prev = groups.get(g.id);
        for (const [i, l] of g.lines.entries()) lineIndex.set(l.id, i);
        groups.set(g.id, {
          group: g,
          busy: prev?.busy ?? 0,
          lineCapacity: g.lines.reduce((n, l) => n + l.capacity, 0),
          firstFree: 0,
          recent: prev?.recent ?? [],
        });
      }
    },
    available(id, now) {
      const s = groups.get(id);
      if (!s) return 0;
      return Math.max(0, Math.min(s.group.capacity - s.busy, lineRoom(s, now), startsLeft(s, now)));
    },
    acquire(id, now) {
      const s = groups.get(id);
      if (!s || s.busy >= s.group.capacity) return null;
      if (startsLeft(s, now) <= 0) return null;
      const lines = s.group.lines;
      let i = s.firstFree;
      while (i < lines.length && (lineBusy.get((lines[i] as Line).id) ?? 0) >= (lines[i] as Line).capacity) i++;
      s.firstFree = i;
      while (i < lines.length && !usable(lines[i] as Line, now)) i++;
      const line = lines[i];
      if (!line) return null;
      lineBusy.set(line.id, (lineBusy.get(line.id) ?? 0) + 1);
      s.busy++;
      total++;
      if (s.group.callsPerSecond > 0) s.recent.push(now);
      return line;
    },
    release(line) {
      const s = groups.get(line.lineGroupId);
      if (s) {
        s.busy--;
        s.firstFree = Math.min(s.firstFree, lineIndex.get(line.id) ?? 0);
      }
      lineBusy.set(line.id, (lineBusy.get(line.id) ?? 1) - 1);
      total--;
    },
    rest(line, until) {
      restingUntil.set(line.id, until);
    },
    throttledUntil(id, now) {
      const s = groups.get(id);
      if (!s || s.group.callsPerSecond <= 0) return Number.POSITIVE_INFINITY;
      if (Math.min(s.group.capacity, s.lineCapacity) - s.busy <= 0) return Number.POSITIVE_INFINITY;
      if (startsLeft(s, now) > 0) return Number.POSITIVE_INFINITY;
      return Math.max(now + 1, Math.ceil((s.recent[0] as number) + rateWindow(s.group).w));
    },
    inFlight: () => total,
  };
}
