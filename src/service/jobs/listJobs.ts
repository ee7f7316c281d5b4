import type { Job } from '../../core/types.js';
import { getJobGroup } from '../../store/jobGroups/getJobGroup.js';
import { countJobs } from '../../store/jobs/countJobs.js';
import { listJobs as listJobRows } from '../../store/jobs/listJobs.js';
import { listPage } from '../catalog/listPage.js';
import type { ServiceDeps } from '../deps.js';
import type { Page, PageRequest } from '../paging.js';
import { type JobQuery, parseJobQuery } from './parseJobQuery.js';

/**
 * The caller's jobs in assignment order (created_at, id), by cursor (keyset, no OFFSET) or by page number
 * with a total. A jobGroupId of another instance filters like a missing one: nothing matches.
 */
export async function listJobs(deps: ServiceDeps, q: JobQuery, page: PageRequest): Promise<Page<Job>> {
  const filter = parseJobQuery(q, deps.defaultCountry);
  let ownGroup = true;
  if (filter.jobGroupId !== undefined) {
    const group = await getJobGroup(deps.db, filter.jobGroupId);
    ownGroup = group !== undefined && group.instanceId === filter.instanceId;
  }
  return listPage(page, {
    fetch: async (w) =>
      ownGroup ? listJobRows(deps.db, filter, { limit: w.limit, offset: w.offset, after: w.before }) : [],
    count: async () => (ownGroup ? countJobs(deps.db, filter) : 0),
    keyOf: (j) => ({ createdAt: j.createdAt, id: j.id }),
  });
}
