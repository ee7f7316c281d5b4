import { JOB_GROUP_STATUSES, type JobGroupStatus } from '../../core/enums.js';
import { invalidField } from '../../core/errors.js';
import type { JobGroup } from '../../core/types.js';
import { countJobGroups } from '../../store/jobGroups/countJobGroups.js';
import type { JobGroupFilter } from '../../store/jobGroups/jobGroupFilter.js';
import { listJobGroups as listJobGroupRows } from '../../store/jobGroups/listJobGroups.js';
import { listPage } from '../catalog/listPage.js';
import type { ServiceDeps } from '../deps.js';
import type { Page, PageRequest } from '../paging.js';

export interface JobGroupQuery {
  instanceId: string;
  statuses?: JobGroupStatus[];
  /** Name contains this, ignoring case. */
  search?: string;
  /** Created at or after / at or before, UTC ms (inclusive). */
  createdFrom?: number;
  createdTo?: number;
}

/** The caller's job groups, newest first, by cursor or by page number. */
export async function listJobGroups(deps: ServiceDeps, q: JobGroupQuery, page: PageRequest): Promise<Page<JobGroup>> {
  const filter = checkQuery(q);
  return listPage(page, {
    fetch: (w) => listJobGroupRows(deps.db, filter, w),
    count: () => countJobGroups(deps.db, filter),
    keyOf: (g) => ({ createdAt: g.createdAt, id: g.id }),
  });
}

function checkQuery(q: JobGroupQuery): JobGroupFilter {
  if (q.statuses !== undefined) {
    if (!Array.isArray(q.statuses)) throw invalidField('statuses', 'must be a list of job group statuses');
    q.statuses.forEach((s, i) => {
      if (!JOB_GROUP_STATUSES.includes(s)) {
        throw invalidField(`statuses[${i}]`, `must be one of ${JOB_GROUP_STATUSES.join(', ')}`);
      }
    });
  }
  if (q.search !== undefined && typeof q.search !== 'string') throw invalidField('search', 'must be a string');
  for (const k of ['createdFrom', 'createdTo'] as const) {
    const v = q[k];
    if (v !== undefined && !Number.isFinite(v)) throw invalidField(k, 'must be UTC milliseconds');
  }
  return { ...q };
}
