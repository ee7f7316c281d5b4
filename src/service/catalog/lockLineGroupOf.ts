import type { Kysely } from 'kysely';
import { OutdialError } from '../../core/errors.js';
import { lockLineGroup } from '../../store/lineGroups/lockLineGroup.js';
import type { Db } from '../../store/schema.js';
import type { ServiceDeps } from '../deps.js';

/** Inside a transaction: holds the caller's line group, or LINE_GROUP_NOT_FOUND as getLineGroupOf says it. */
export async function lockLineGroupOf(
  trx: Kysely<Db>,
  deps: Pick<ServiceDeps, 'caps'>,
  instanceId: string,
  lineGroupId: string,
): Promise<void> {
  const found = await lockLineGroup(trx, deps.caps, lineGroupId);
  if (!found || found.instanceId !== instanceId) {
    throw new OutdialError('LINE_GROUP_NOT_FOUND', `lineGroupId: line group ${lineGroupId} does not exist`, {
      field: 'lineGroupId',
    });
  }
}
