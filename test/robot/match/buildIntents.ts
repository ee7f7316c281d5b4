import type { z } from 'zod';
import type { Intent } from '../../../src/robot/script/model.js';
import { IntentSchema } from '../../../src/robot/script/model.js';

/** Intents as an author writes them, with the schema's defaults filled in. */
export function buildIntents(input: Record<string, z.input<typeof IntentSchema>>): Record<string, Intent> {
  return Object.fromEntries(Object.entries(input).map(([name, intent]) => [name, IntentSchema.parse(intent)]));
}
