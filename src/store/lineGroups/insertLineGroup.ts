import type { Kysely } from 'kysely';
import type { LineGroup } from '../../core/types.js';
import type { Db } from '../schema.js';

/** Inserts a line group and its lines; call inside a transaction. */
export async function insertLineGroup(db: Kysely<Db>, lg: LineGroup): Promise<void> {
  await db
    .insertInto('line_group')
    .values({
      id: lg.id,
      instance_id: lg.instanceId,
      name: lg.name,
      capacity: lg.capacity,
      calls_per_second: lg.callsPerSecond,
      created_at: lg.createdAt,
    })
    .execute();
  if (lg.lines.length === 0) return;
  await db
    .insertInto('line')
    .values(
      lg.lines.map((l) => ({
        id: l.id,
        line_group_id: lg.id,
        position: l.position,
        calling_number: l.callingNumber,
        capacity: l.capacity,
      })),
    )
    .execute();
}
