import { type Kysely, sql } from 'kysely';
import type { StoreCaps } from '../dialects.js';
import type { Db } from '../schema.js';
import { idIn } from './idList.js';

/** Takes fanned-out events off the fan-out queue. */
export async function markEventsFannedOut(db: Kysely<Db>, caps: StoreCaps, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await sql`delete from fan_out_queue where ${idIn(caps, 'event_id', eventIds)}`.execute(db);
}
