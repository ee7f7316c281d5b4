import type { Script } from '../../core/types.js';
import { countScripts } from '../../store/scripts/countScripts.js';
import { listScripts as listScriptRows } from '../../store/scripts/listScripts.js';
import type { ServiceDeps } from '../deps.js';
import type { Page, PageRequest } from '../paging.js';
import { listPage } from './listPage.js';

/** The caller's scripts, newest first, by cursor or by page number. */
export function listScripts(deps: ServiceDeps, instanceId: string, page: PageRequest): Promise<Page<Script>> {
  return listPage(page, {
    fetch: (w) => listScriptRows(deps.db, instanceId, w),
    count: () => countScripts(deps.db, instanceId),
    keyOf: (s) => ({ createdAt: s.createdAt, id: s.id }),
  });
}
