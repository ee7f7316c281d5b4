import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScript, getInstanceOf, publishScript } from '../../service/catalog/index.js';
import { createInstance } from '../../service/createInstance.js';
import { createLineGroup } from '../../service/createLineGroup.js';
import { createAccessKey } from '../../service/credentials/accessKeys.js';
import { authenticateApiKey, createApiKey } from '../../service/credentials/apiKeys.js';
import type { SecretBox } from '../../service/credentials/secretBox.js';
import type { ServiceDeps } from '../../service/deps.js';

const DEMO_SCRIPT_FILE = join('examples', 'scripts', 'debt-reminder.en.yaml');

/**
 * The example script shipped with the package: this module runs from src/cli/serve (tsx) or from
 * dist/src/cli/serve (built), so the package root is the nearest folder above that holds the examples.
 */
function findPackageFile(file: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, file);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error(`${file} is not in the package; reinstall outdial`);
    dir = up;
  }
}

/** What a new user needs to call the server at once; kept (mode 0600) beside the data so restarts show it again. */
export interface StarterCredentials {
  operatorApiKey: string;
  instanceId?: string;
  apiKey?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  lineGroupId?: string;
  scriptId?: string;
}

/**
 * Makes sure an operator key exists and, unless `demo` is false, a demo instance with a line group of
 * simulated caller numbers, a published script (the debt reminder example), an API key and an AccessKey
 * pair. Reuses what the file names when it still works against this store; otherwise creates them afresh.
 */
export async function ensureStarterCredentials(
  deps: ServiceDeps,
  box: SecretBox,
  o: { file: string; demo: boolean },
): Promise<{ credentials: StarterCredentials; created: boolean }> {
  const saved = readSaved(o.file);
  if (saved && (await stillValid(deps, saved, o.demo))) return { credentials: saved, created: false };

  const operator = await createApiKey(deps, { instanceId: null, name: 'operator' });
  const credentials: StarterCredentials = { operatorApiKey: operator.token };
  if (o.demo) {
    const instance = await createInstance(deps, { name: 'Demo', description: 'created by outdial serve' });
    const lines = await createLineGroup(deps, {
      instanceId: instance.id,
      name: 'Demo lines (simulated)',
      callingNumbers: ['02161000001', '02161000002', '02161000003', '02161000004'],
      lineCapacity: 5,
      callsPerSecond: 5,
    });
    const script = await createScript(deps, {
      instanceId: instance.id,
      source: readFileSync(findPackageFile(DEMO_SCRIPT_FILE), 'utf8'),
    });
    await publishScript(deps, instance.id, script.id);
    const api = await createApiKey(deps, { instanceId: instance.id, name: 'demo' });
    const access = await createAccessKey(deps, box, instance.id);
    Object.assign(credentials, {
      instanceId: instance.id,
      apiKey: api.token,
      accessKeyId: access.key.accessKeyId,
      accessKeySecret: access.accessKeySecret,
      lineGroupId: lines.id,
      scriptId: script.id,
    });
  }
  mkdirSync(dirname(o.file), { recursive: true });
  writeFileSync(o.file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(o.file, 0o600);
  return { credentials, created: true };
}

function readSaved(file: string): StarterCredentials | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as StarterCredentials;
    return typeof parsed.operatorApiKey === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

async function stillValid(deps: ServiceDeps, c: StarterCredentials, demo: boolean): Promise<boolean> {
  if (!(await authenticateApiKey(deps, c.operatorApiKey))) return false;
  if (!demo) return true;
  if (!c.instanceId || !c.apiKey) return false;
  try {
    await getInstanceOf(deps, c.instanceId);
  } catch {
    return false;
  }
  return (await authenticateApiKey(deps, c.apiKey))?.instanceId === c.instanceId;
}

/** The start-up banner: where the server is and how to call it. */
export function renderBanner(url: string, c: StarterCredentials, file: string): string {
  const lines = [
    `Outdial is listening on ${url}`,
    `  REST API        ${url}/v1   (OpenAPI ${url}/openapi.json, docs ${url}/docs)`,
    `  Alibaba RPC     ${url}/     (OutboundBot 2019-12-26, signature v1)`,
    `  health          ${url}/healthz  ${url}/readyz  ${url}/metrics`,
    '',
    `  operator key    ${c.operatorApiKey}   (REST: manages instances)`,
  ];
  if (c.instanceId) {
    lines.push(
      `  demo instance   ${c.instanceId}`,
      `  API key         ${c.apiKey}   (REST: Authorization: Bearer …)`,
      `  AccessKeyId     ${c.accessKeyId}   (Alibaba RPC signature)`,
      `  AccessKeySecret ${c.accessKeySecret}`,
      `  line group      ${c.lineGroupId}   (simulated caller numbers 02161000001–04)`,
      `  script          ${c.scriptId}   (examples/scripts/debt-reminder.en.yaml, published)`,
    );
  }
  lines.push('', `  (kept in ${file}; delete it to issue new ones)`, '');
  return lines.join('\n');
}
