import type { Script } from '../../core/types.js';
import { countScripts } from '../../store/scripts/countScripts.js';
import { listScripts as listScriptRows } from '../../store/scripts/listScripts.js';
import type { ServiceDeps } from '../deps.js';
import type { Page } from '../paging.js';
import { listPage } from './listPage.js';

/** The caller's scripts, newest first, by page number. */
export function listScripts(
  deps: ServiceDeps,
  instanceId: string,
  page: { pageNumber: number; pageSize: number },
): Promise<Page<Script>> {
  return listPage(
    { kind: 'offset', pageNumber: page.pageNumber, pageSize: page.pageSize },
    {
      fetch: (w) => listScriptRows(deps.db, instanceId, w),
      count: () => countScripts(deps.db, instanceId),
    },
  );
}
