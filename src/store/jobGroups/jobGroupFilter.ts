import { type Kysely, sql } from 'kysely';
import type { JobGroupStatus } from '../../core/enums.js';
import type { Db } from '../schema.js';

export interface JobGroupFilter {
  instanceId: string;
  statuses?: readonly JobGroupStatus[];
  /** Name contains this, ignoring case. */
  search?: string;
  /** Created at or after / at or before, UTC ms. */
  createdFrom?: number;
  createdTo?: number;
}

/** `%`, `_` and the escape character itself match literally. */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The instance's job groups that pass the filter; listing and counting share it. */
export function filterJobGroups(db: Kysely<Db>, f: JobGroupFilter) {
  let q = db.selectFrom('job_group').where('instance_id', '=', f.instanceId);
  if (f.statuses !== undefined) {
    if (f.statuses.length === 0) return q.where(sql<boolean>`1 = 0`);
    q = q.where('status', 'in', f.statuses);
  }
  if (f.search !== undefined && f.search !== '') {
    q = q.where(sql<boolean>`lower(name) like ${likeContains(f.search.toLowerCase())} escape '\\'`);
  }
  if (f.createdFrom !== undefined) q = q.where('created_at', '>=', f.createdFrom);
  if (f.createdTo !== undefined) q = q.where('created_at', '<=', f.createdTo);
  return q;
}
