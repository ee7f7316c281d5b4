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
  const ready: string[] = [];
  for (const head of memo.heads.values()) {
    if (ready.length === c.limit) return ready;
    if (head.dueAt <= c.now) {
      ready.push(head.id);
      head.dueAt = Number.POSITIVE_INFINITY;
    }
  }
  /** Jobs met past the memo's heads (once it is full). */
  const seen = new Set<string>();
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
      if (remembering) {
        const dueAt = isReady ? Number.POSITIVE_INFINITY : (leasedUntil ?? d.next_attempt_at);
        const head: Head = { occurredAt: d.occurred_at, id: d.id, jobId: d.job_id, dueAt };
        memo.heads.set(d.job_id, head);
        memo.headOf.set(d.id, head);
      } else {
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
 * looked: the memo is cut back to before that head, and the next walk reads on from it.
 */
export function noteSends(slot: WalkMemoSlot, sends: readonly { deliveryId: string; dueAt: number | null }[]): void {
  const memo = slot.memo;
  if (memo === null) return;
  let cut: Head | null = null;
  for (const s of sends) {
    const head = memo.headOf.get(s.deliveryId);
    if (head === undefined) continue;
    if (s.dueAt !== null) head.dueAt = s.dueAt;
    else if (cut === null || before(head, cut)) cut = head;
  }
  if (cut !== null) cutAt(memo, cut);
}

/**
 * New deliveries of the subscription were written (fan-out). One older than where the memo stops (an event
 * committed late) would be missed: the memo is cut back to before it.
 */
export function noteInserted(slot: WalkMemoSlot, occurredAt: number, id: string): void {
  const memo = slot.memo;
  if (!memo?.resume) return;
  const at = { occurredAt, id };
  const { at: resume, inclusive } = memo.resume;
  if (before(resume, at) || (!inclusive && resume.occurredAt === occurredAt && resume.id === id)) return;
  cutAt(memo, at);
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

/** The memo while it can be trusted; a new, empty one once it is too old (or the clock went back). */
function usableMemo(memo: WalkMemo | null, now: number): WalkMemo {
  if (memo !== null && now >= memo.since && now - memo.since <= WALK_MEMO_MS) return memo;
  return { since: now, heads: new Map(), headOf: new Map(), resume: null };
}
