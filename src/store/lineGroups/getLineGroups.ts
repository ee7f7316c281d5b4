import type { Kysely } from 'kysely';
import type { LineGroup } from '../../core/types.js';
import { toLineGroup } from '../rows.js';
import type { Db } from '../schema.js';

/** The line groups with these ids (with their lines, in order), in no particular order. */
export async function getLineGroups(db: Kysely<Db>, ids: readonly string[]): Promise<LineGroup[]> {
  if (ids.length === 0) return [];
  const groups = await db.selectFrom('line_group').selectAll().where('id', 'in', ids).execute();
  const lines = await db.selectFrom('line').selectAll().where('line_group_id', 'in', ids).execute();
  return groups.map((g) => toLineGroup(g, lines));
}
