import type { z } from 'zod';
import { invalidField } from '../../core/errors.js';

/** Parses a sink's config, refusing the first bad field by its path (e.g. `exchangeType`). */
export function parseSinkConfig<S extends z.ZodType>(schema: S, config: unknown): z.output<S> {
  const parsed = schema.safeParse(config);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.') || 'config';
  throw invalidField(path, issue.message);
}
