import type { LineGroup } from '../../core/types.js';
import { listLineGroups as listLineGroupRows } from '../../store/lineGroups/listLineGroups.js';
import type { ServiceDeps } from '../deps.js';

/** The caller's line groups with their lines, oldest first. */
export function listLineGroups(deps: ServiceDeps, instanceId: string): Promise<LineGroup[]> {
  return listLineGroupRows(deps.db, instanceId);
}
