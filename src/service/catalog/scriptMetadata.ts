import { invalidField } from '../../core/errors.js';
import type { Script as ScriptBody } from '../../robot/script/model.js';

/** The fields of a script a caller may set besides its body. */
export interface ScriptMetadataInput {
  name?: unknown;
  description?: unknown;
  industry?: unknown;
  scene?: unknown;
}

export interface ScriptMetadata {
  name?: string;
  description?: string;
  industry?: string;
  scene?: string;
}

const MAX_NAME = 200;
const MAX_TEXT = 2000;

/** The metadata given, validated (name trimmed); absent fields stay absent. */
export function parseScriptMetadata(input: ScriptMetadataInput): ScriptMetadata {
  const out: ScriptMetadata = {};
  if (input.name !== undefined) {
    if (typeof input.name !== 'string' || input.name.trim() === '')
      throw invalidField('name', 'must be a non-empty string');
    if (input.name.trim().length > MAX_NAME) throw invalidField('name', `must be at most ${MAX_NAME} characters`);
    out.name = input.name.trim();
  }
  for (const k of ['description', 'industry', 'scene'] as const) {
    const v = input[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw invalidField(k, 'must be a string');
    if (v.length > MAX_TEXT) throw invalidField(k, `must be at most ${MAX_TEXT} characters`);
    out[k] = v;
  }
  return out;
}

/** What the body says of itself, overridden by what the caller gave. */
export function metadataOf(body: ScriptBody, given: ScriptMetadata): Required<ScriptMetadata> & { language: string } {
  return {
    name: given.name ?? body.name.trim(),
    description: given.description ?? body.description,
    industry: given.industry ?? body.industry,
    scene: given.scene ?? body.scene,
    language: body.language,
  };
}
