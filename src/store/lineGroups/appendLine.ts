import { type Kysely, sql } from 'kysely';
import type { Db } from '../schema.js';

/** Adds a line after the group's last one. Call inside a transaction. */
export async function appendLine(
  db: Kysely<Db>,
  line: { id: string; lineGroupId: string; callingNumber: string; capacity: number },
): Promise<void> {
  const last = await db
    .selectFrom('line')
    .select(sql<number | null>`max(position)`.as('p'))
    .where('line_group_id', '=', line.lineGroupId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('line')
    .values({
      id: line.id,
      line_group_id: line.lineGroupId,
      position: last.p === null ? 0 : Number(last.p) + 1,
      calling_number: line.callingNumber,
      capacity: line.capacity,
    })
    .execute();
}
