import type { Kysely } from 'kysely';
import type { Db } from '../store/schema.js';
import { forgetRecordings, recordingsEndedBefore } from '../store/tasks/recordingsEndedBefore.js';
import type { RecordingStore } from './recordingStore.js';

const BATCH = 500;

/**
 * Deletes the recordings of calls that ended before `before`: the files first, then the tasks' links to them,
 * so a run cut short leaves tasks that a next run finds again, never a file nobody points to. Returns how many.
 */
export async function expireRecordings(db: Kysely<Db>, store: RecordingStore, before: number): Promise<number> {
  let expired = 0;
  for (;;) {
    const ids = await recordingsEndedBefore(db, before, BATCH);
    for (const id of ids) await store.remove(id);
    await forgetRecordings(db, ids);
    expired += ids.length;
    if (ids.length < BATCH) return expired;
  }
}
