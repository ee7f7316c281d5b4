import type { Script } from '../../core/types.js';
import { insertScript } from '../../store/scripts/insertScript.js';
import { insertScriptVersion } from '../../store/scripts/insertScriptVersion.js';
import type { ServiceDeps } from '../deps.js';
import { requireScriptBody, type ScriptBodyInput } from './checkScript.js';
import { getInstanceOf } from './getInstanceOf.js';
import { metadataOf, parseScriptMetadata, type ScriptMetadataInput } from './scriptMetadata.js';

/** A new script: its body (`source` text or a `script` object) and, optionally, metadata overriding the body's. */
export interface ScriptInput extends ScriptBodyInput, ScriptMetadataInput {
  instanceId: string;
}

/**
 * Stores a script with its body as version 1, a draft until published. Name, description, industry and scene
 * default to the body's. An invalid body is INVALID_SCRIPT naming the first issue, every issue in
 * `details.issues`; nothing is stored then.
 */
export async function createScript(deps: ServiceDeps, input: ScriptInput): Promise<Script> {
  const given = parseScriptMetadata(input);
  const { body, source } = requireScriptBody(input);
  await getInstanceOf(deps, input.instanceId);
  const now = deps.clock.now();
  const script: Script = {
    id: deps.newId(),
    instanceId: input.instanceId,
    ...metadataOf(body, given),
    status: 'DRAFTED',
    latestVersion: 1,
    publishedVersion: null,
    createdAt: now,
    modifiedAt: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertScript(trx, script);
    await insertScriptVersion(trx, {
      scriptId: script.id,
      version: 1,
      body,
      source,
      createdAt: now,
      publishedAt: null,
    });
  });
  return script;
}
