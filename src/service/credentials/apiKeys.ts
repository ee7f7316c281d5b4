import { invalidField, OutdialError } from '../../core/errors.js';
import { getApiKey } from '../../store/credentials/getApiKey.js';
import { insertApiKey } from '../../store/credentials/insertApiKey.js';
import { listApiKeyRows } from '../../store/credentials/listApiKeyRows.js';
import { revokeApiKeyRow } from '../../store/credentials/revokeApiKeyRow.js';
import { getInstance } from '../../store/instances/getInstance.js';
import type { ApiKeyRow } from '../../store/schema.js';
import type { ServiceDeps } from '../deps.js';
import { apiKeySecretMatches, hashApiKeySecret, newApiKeyToken, parseApiKeyToken } from './apiKeyToken.js';

export interface ApiKeyInfo {
  id: string;
  /** null = an operator key, which manages instances. */
  instanceId: string | null;
  name: string;
  createdAt: number;
  revokedAt: number | null;
}

/** Whose keys an operation may see: one instance's, or (null) the operator keys. */
export interface ApiKeyScope {
  instanceId: string | null;
}

const MAX_NAME = 100;

const toInfo = (r: ApiKeyRow): ApiKeyInfo => ({
  id: r.id,
  instanceId: r.instance_id,
  name: r.name,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** A new key; its token is returned here only (the store keeps a hash of the secret). */
export async function createApiKey(
  deps: ServiceDeps,
  input: { instanceId: string | null; name?: string },
): Promise<{ key: ApiKeyInfo; token: string }> {
  const name = input.name === undefined ? 'default' : input.name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME) {
    throw invalidField('name', `must be a non-empty string of at most ${MAX_NAME} characters`);
  }
  if (input.instanceId !== null && !(await getInstance(deps.db, input.instanceId))) {
    throw new OutdialError('INSTANCE_NOT_FOUND', `instance ${input.instanceId} does not exist`, {
      field: 'instanceId',
    });
  }
  const t = newApiKeyToken();
  const row: ApiKeyRow = {
    id: t.id,
    instance_id: input.instanceId,
    name: name.trim(),
    secret_hash: hashApiKeySecret(t.secret),
    created_at: deps.clock.now(),
    revoked_at: null,
  };
  await insertApiKey(deps.db, row);
  return { key: toInfo(row), token: t.token };
}

/** Oldest first, revoked keys included. */
export async function listApiKeys(deps: ServiceDeps, scope: ApiKeyScope): Promise<ApiKeyInfo[]> {
  return (await listApiKeyRows(deps.db, scope.instanceId)).map(toInfo);
}

/** Revokes a key of the scope; revoking a revoked key keeps its first revocation time. */
export async function revokeApiKey(deps: ServiceDeps, scope: ApiKeyScope, id: string): Promise<ApiKeyInfo> {
  await keyInScope(deps, scope, id);
  await revokeApiKeyRow(deps.db, id, deps.clock.now());
  return toInfo(await keyInScope(deps, scope, id));
}

/**
 * Replaces a key: a new one with the same instance and name, and the old one revoked, in one
 * transaction. A revoked key cannot be rotated, so two rotations racing on one key yield one new key.
 */
export async function rotateApiKey(
  deps: ServiceDeps,
  scope: ApiKeyScope,
  id: string,
): Promise<{ key: ApiKeyInfo; token: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const tx = { ...deps, db: trx };
    const old = await keyInScope(tx, scope, id);
    const now = deps.clock.now();
    if (old.revoked_at !== null || !(await revokeApiKeyRow(trx, id, now))) {
      throw new OutdialError('ILLEGAL_TRANSITION', `API key ${id} is already revoked; create a new key instead`, {
        field: 'id',
      });
    }
    const t = newApiKeyToken();
    const row: ApiKeyRow = {
      id: t.id,
      instance_id: old.instance_id,
      name: old.name,
      secret_hash: hashApiKeySecret(t.secret),
      created_at: now,
      revoked_at: null,
    };
    await insertApiKey(trx, row);
    return { key: toInfo(row), token: t.token };
  });
}

/** Who holds the token; null for a malformed, unknown or revoked token or a wrong secret, alike. */
export async function authenticateApiKey(
  deps: ServiceDeps,
  token: string,
): Promise<{ keyId: string; instanceId: string | null } | null> {
  const t = parseApiKeyToken(token);
  if (!t) return null;
  const row = await getApiKey(deps.db, t.id);
  if (!row || row.revoked_at !== null || !apiKeySecretMatches(t.secret, row.secret_hash)) return null;
  return { keyId: row.id, instanceId: row.instance_id };
}

/** A key outside the scope looks missing, so one instance cannot learn another's key ids. */
async function keyInScope(deps: ServiceDeps, scope: ApiKeyScope, id: string): Promise<ApiKeyRow> {
  const row = typeof id === 'string' ? await getApiKey(deps.db, id) : undefined;
  if (!row || row.instance_id !== scope.instanceId) {
    throw new OutdialError('API_KEY_NOT_FOUND', `API key ${id} does not exist`, { field: 'id' });
  }
  return row;
}
