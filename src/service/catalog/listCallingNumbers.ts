import { countInstanceLines } from '../../store/lineGroups/countInstanceLines.js';
import { type InstanceLine, listInstanceLines } from '../../store/lineGroups/listInstanceLines.js';
import type { ServiceDeps } from '../deps.js';
import type { Page } from '../paging.js';
import { listPage } from './listPage.js';

/** Every line of the caller's instance with its group: line groups oldest first, lines in order. */
export function listCallingNumbers(
  deps: ServiceDeps,
  instanceId: string,
  page: { pageNumber: number; pageSize: number },
): Promise<Page<InstanceLine>> {
  return listPage(
    { kind: 'offset', pageNumber: page.pageNumber, pageSize: page.pageSize },
    {
      fetch: (w) => listInstanceLines(deps.db, instanceId, w),
      count: () => countInstanceLines(deps.db, instanceId),
    },
  );
}
