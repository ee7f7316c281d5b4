import { type Kysely, type QueryResult, type RawBuilder, sql } from 'kysely';
import type { Db } from '../schema.js';

/** A place in a subscription's pending deliveries, which walks read in (occurred_at, id) order. */
interface Position {
  occurredAt: number;
  id: string;
}

interface PendingDelivery {
  id: string;
  job_id: string;
  occurred_at: number;
  next_attempt_at: number;
  lease_until: number | null;
}

/** A job's oldest pending delivery (its head): every later one of the job waits for it. */
interface Head extends Position {
  jobId: string;
  /** When it may go: its next attempt, the end of another's lease, or never while this dispatcher sends it. */
  dueAt: number;
}

/**
 * What the walks of one subscription have learned of its pending deliveries up to `resume`: the head of every job
 * met there, each with when it may go. The next walk takes the heads come due from here and reads the table only
 * after `resume`, so a receiver that is down with a long backlog is not read from its start at every pass. The
 * dispatcher tells it how its own sends ended (noteSends); what other dispatchers or the API change (a replay, a
 * send recorded by another process) is seen once the memo is dropped, at most `WALK_MEMO_MS` after it began.
 */
export interface WalkMemo {
  since: number;
  /** By job, in walk order. */
  heads: Map<string, Head>;
  /** By delivery id. */
  headOf: Map<string, Head>;
  resume: { at: Position; inclusive: boolean } | null;
  /**
   * Where the memo is to be cut back to, at the next walk's start: news of sends and fan-outs arrive while a walk
   * reads, and cutting under it would lose the jobs it relies on to hold their later deliveries back.
   */
  pendingCut: Position | null;
  /**
   * While a walk reads: how sends ended that the memo does not hold yet (by delivery id). The walk may have read
   * such a delivery before its outcome was written, and must not remember it as it was.
   */
  news: Map<string, number | null> | null;
}

/** The longest a memo is trusted. */
export const WALK_MEMO_MS = 5_000;

/** Heads a memo holds at most; a larger backlog is walked past them, as without a memo. */
const MEMO_HEADS = 50_000;

/** Pending deliveries read per step of the walk, at least. */
const WALK_STEP = 256;

export interface WalkRequest {
  subscriptionId: string;
  now: number;
  limit: number;
}

/** Where a dispatcher keeps a subscription's memo between walks. */
export interface WalkMemoSlot {
  memo: WalkMemo | null;
}

/**
 * The ids of up to `limit` ready deliveries of one subscription, oldest first: due, not leased to a live
 * dispatcher, and the oldest pending delivery of its job. The pending deliveries are walked oldest first, each job
 * noted at its first delivery met (that one is its head; every later one of the job waits). With a memo slot, the
 * walk starts from what earlier walks learned (WalkMemo), and every id returned counts as sent by this dispatcher
 * until noteSends says how the send ended.
 */
export async function walkPending(db: Kysely<Db>, c: WalkRequest, slot?: WalkMemoSlot): Promise<string[]> {
  const memo = usableMemo(slot?.memo ?? null, c.now);
  if (slot) slot.memo = memo;
  if (memo.pendingCut !== null) {
    // Only a cut behind where the memo stops changes anything (a new delivery further on is read anyway).
    if (memo.resume !== null && !before(memo.resume.at, memo.pendingCut)) cutAt(memo, memo.pendingCut);
    memo.pendingCut = null;
  }
  const ready: string[] = [];
  for (const head of memo.heads.values()) {
    if (ready.length === c.limit) return ready;
    if (head.dueAt <= c.now) {
      ready.push(head.id);
      head.dueAt = Number.POSITIVE_INFINITY;
    }
  }
  /** Jobs met past the memo's heads, once it is full (or when a row read turned out stale). */
  const seen = new Set<string>();
  const news = new Map<string, number | null>();
  memo.news = news;
  try {
    return await readOn(db, c, memo, ready, seen, news);
  } finally {
    if (memo.news === news) memo.news = null;
  }
}

async function readOn(
  db: Kysely<Db>,
  c: WalkRequest,
  memo: WalkMemo,
  ready: string[],
  seen: Set<string>,
  news: Map<string, number | null>,
): Promise<string[]> {
  const step = Math.max(WALK_STEP, 4 * c.limit);
  let from = memo.resume;
  for (;;) {
    const after: RawBuilder<unknown> =
      from === null
        ? sql``
        : from.inclusive
          ? sql`and (occurred_at, id) >= (${from.at.occurredAt}, ${from.at.id})`
          : sql`and (occurred_at, id) > (${from.at.occurredAt}, ${from.at.id})`;
    // A row value: both databases seek the delivery_pending index to it.
    const { rows }: QueryResult<PendingDelivery> =
      await sql<PendingDelivery>`select id, job_id, occurred_at, next_attempt_at, lease_until
      from delivery where subscription_id = ${c.subscriptionId} and status = 'pending' ${after}
      order by occurred_at, id limit ${step}`.execute(db);
    for (const d of rows) {
      const known = memo.heads.has(d.job_id) || seen.has(d.job_id);
      const remembering = seen.size === 0 && memo.heads.size < MEMO_HEADS;
      if (remembering) memo.resume = { at: { occurredAt: d.occurred_at, id: d.id }, inclusive: false };
      if (known) continue;
      const leasedUntil = d.lease_until !== null && d.lease_until > c.now ? d.lease_until : null;
      const isReady = d.next_attempt_at <= c.now && leasedUntil === null;
      if (isReady) ready.push(d.id);
      const outcome = news.get(d.id);
      if (remembering && outcome !== null) {
        // A send of it ended while this walk read: its retry time, not the lease it was read with.
        const dueAt = outcome ?? (isReady ? Number.POSITIVE_INFINITY : (leasedUntil ?? d.next_attempt_at));
        const head: Head = { occurredAt: d.occurred_at, id: d.id, jobId: d.job_id, dueAt };
        memo.heads.set(d.job_id, head);
        memo.headOf.set(d.id, head);
      } else {
        // Its job moved on after the row was read (delivered, dead): read again from it next time.
        if (remembering) cutLater(memo, { occurredAt: d.occurred_at, id: d.id });
        seen.add(d.job_id);
      }
      if (ready.length === c.limit) return ready;
    }
    const last: PendingDelivery | undefined = rows.at(-1);
    if (rows.length < step || last === undefined) return ready;
    from = { at: { occurredAt: last.occurred_at, id: last.id }, inclusive: false };
  }
}

/**
 * How this dispatcher's sends ended, by delivery: `dueAt` when it stays pending (its retry), null when its job
 * moves on (delivered, dead) or the outcome is unknown. The job's next delivery lies further on, where no memo
 * looked: the next walk cuts the memo back to before that head and reads on from it.
 */
export function noteSends(slot: WalkMemoSlot, sends: readonly { deliveryId: string; dueAt: number | null }[]): void {
  const memo = slot.memo;
  if (memo === null) return;
  let cut: Head | null = null;
  for (const s of sends) {
    const head = memo.headOf.get(s.deliveryId);
    if (head === undefined) {
      memo.news?.set(s.deliveryId, s.dueAt);
      continue;
    }
    if (s.dueAt !== null) head.dueAt = s.dueAt;
    else if (cut === null || before(head, cut)) cut = head;
  }
  if (cut !== null) cutLater(memo, cut);
}

/**
 * New deliveries of the subscription were written (fan-out). One older than where the memo stops (an event
 * committed late) would be missed: the next walk cuts the memo back to before it.
 */
export function noteInserted(slot: WalkMemoSlot, occurredAt: number, id: string): void {
  const memo = slot.memo;
  if (memo) cutLater(memo, { occurredAt, id });
}

const before = (a: Position, b: Position) =>
  a.occurredAt < b.occurredAt || (a.occurredAt === b.occurredAt && a.id < b.id);

/** Forgets the heads from `at` on; the next walk reads again from there. */
function cutAt(memo: WalkMemo, at: Position) {
  for (const h of memo.heads.values()) {
    if (!before(h, at)) {
      memo.heads.delete(h.jobId);
      memo.headOf.delete(h.id);
    }
  }
  memo.resume = { at: { occurredAt: at.occurredAt, id: at.id }, inclusive: true };
}

/** Asks the next walk to cut the memo back to `at` (the earliest asked wins). */
function cutLater(memo: WalkMemo, at: Position) {
  if (memo.pendingCut === null || before(at, memo.pendingCut))
    memo.pendingCut = { occurredAt: at.occurredAt, id: at.id };
}

/** The memo while it can be trusted; a new, empty one once it is too old (or the clock went back). */
function usableMemo(memo: WalkMemo | null, now: number): WalkMemo {
  if (memo !== null && now >= memo.since && now - memo.since <= WALK_MEMO_MS) return memo;
  return { since: now, heads: new Map(), headOf: new Map(), resume: null, pendingCut: null, news: null };
}
