import type { Kysely } from 'kysely';
import { TaskStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

/** Extends the lease on every call this engine still holds. */
export async function renewLeases(db: Kysely<Db>, owner: string, leaseUntil: number): Promise<number> {
  const r = await db
    .updateTable('task')
    .set({ lease_until: leaseUntil })
    .where('owner', '=', owner)
    .where('status', '=', TaskStatus.Executing)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
