import { OutdialError } from '../../core/errors.js';
import { getAccessKey } from '../../store/credentials/getAccessKey.js';
import { insertAccessKey } from '../../store/credentials/insertAccessKey.js';
import { listAccessKeyRows } from '../../store/credentials/listAccessKeyRows.js';
import { revokeAccessKeyRow } from '../../store/credentials/revokeAccessKeyRow.js';
import { getInstance } from '../../store/instances/getInstance.js';
import type { AccessKeyRow } from '../../store/schema.js';
import type { ServiceDeps } from '../deps.js';
import { cacheAccessKey, cachedAccessKey, forgetAccessKey, type OpenedAccessKey } from './accessKeyCache.js';
import { randomAlphanumeric } from './randomAlphanumeric.js';
import type { SecretBox } from './secretBox.js';

export interface AccessKeyInfo {
  accessKeyId: string;
  instanceId: string;
  createdAt: number;
  revokedAt: number | null;
}

const toInfo = (r: AccessKeyRow): AccessKeyInfo => ({
  accessKeyId: r.id,
  instanceId: r.instance_id,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/**
 * A new pair for signed (Alibaba-style) calls: AccessKeyId `LTAI` + 20 and AccessKeySecret 30 random
 * [A-Za-z0-9] characters. The secret is returned here only and stored sealed under the server's key.
 */
export async function createAccessKey(
  deps: ServiceDeps,
  box: SecretBox,
  instanceId: string,
): Promise<{ key: AccessKeyInfo; accessKeySecret: string }> {
  if (!(await getInstance(deps.db, instanceId))) {
    throw new OutdialError('INSTANCE_NOT_FOUND', `instance ${instanceId} does not exist`, { field: 'instanceId' });
  }
  const accessKeySecret = randomAlphanumeric(30);
  const row: AccessKeyRow = {
    id: `LTAI${randomAlphanumeric(20)}`,
    instance_id: instanceId,
    secret_sealed: box.seal(accessKeySecret),
    created_at: deps.clock.now(),
    revoked_at: null,
  };
  await insertAccessKey(deps.db, row);
  return { key: toInfo(row), accessKeySecret };
}

/** An instance's pairs, oldest first, revoked ones included; secrets are never listed. */
export async function listAccessKeys(deps: ServiceDeps, instanceId: string): Promise<AccessKeyInfo[]> {
  return (await listAccessKeyRows(deps.db, instanceId)).map(toInfo);
}

/** Revokes a pair of the instance; revoking twice keeps the first revocation time. */
export async function revokeAccessKey(
  deps: ServiceDeps,
  instanceId: string,
  accessKeyId: string,
): Promise<AccessKeyInfo> {
  await keyOfInstance(deps, instanceId, accessKeyId);
  await revokeAccessKeyRow(deps.db, accessKeyId, deps.clock.now());
  forgetAccessKey(deps.db, accessKeyId);
  return toInfo(await keyOfInstance(deps, instanceId, accessKeyId));
}

/**
 * The opened secret of a pair, for verifying a signature; undefined when no such pair exists. Called on
 * every signed request, so answers are cached for up to 5 s of the service clock (see accessKeyCache.ts):
 * a revocation by another process sharing the database is seen within those 5 s.
 */
export async function findAccessKey(
  deps: ServiceDeps,
  box: SecretBox,
  accessKeyId: string,
): Promise<OpenedAccessKey | undefined> {
  const now = deps.clock.now();
  const cached = cachedAccessKey(deps.db, accessKeyId, now);
  if (cached) return cached;
  const row = await getAccessKey(deps.db, accessKeyId);
  if (!row) return undefined;
  const opened = { instanceId: row.instance_id, secret: box.open(row.secret_sealed), revoked: row.revoked_at !== null };
  return cacheAccessKey(deps.db, accessKeyId, opened, now);
}

/** A pair of another instance looks missing. */
async function keyOfInstance(deps: ServiceDeps, instanceId: string, accessKeyId: string): Promise<AccessKeyRow> {
  const row = typeof accessKeyId === 'string' ? await getAccessKey(deps.db, accessKeyId) : undefined;
  if (!row || row.instance_id !== instanceId) {
    throw new OutdialError('ACCESS_KEY_NOT_FOUND', `AccessKey ${accessKeyId} does not exist`, {
      field: 'accessKeyId',
    });
  }
  return row;
}
