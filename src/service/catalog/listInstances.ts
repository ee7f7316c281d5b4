import type { Instance } from '../../core/types.js';
import { countInstances } from '../../store/instances/countInstances.js';
import { listInstances as listInstanceRows } from '../../store/instances/listInstances.js';
import type { ServiceDeps } from '../deps.js';
import type { Page, PageRequest } from '../paging.js';
import { listPage } from './listPage.js';

/** Every instance, newest first: the operator's view. */
export function listInstances(deps: ServiceDeps, page: PageRequest): Promise<Page<Instance>> {
  return listPage(page, {
    fetch: (w) => listInstanceRows(deps.db, w),
    count: () => countInstances(deps.db),
    keyOf: (i) => ({ createdAt: i.createdAt, id: i.id }),
  });
}
