import { parseStrategy } from './parseStrategy.js';
import type { Strategy } from './types.js';

/**
 * Like parseStrategy, but "no strategy" (undefined, null, or a blank string — AssignJobs allows an empty
 * StrategyJson) gives null, meaning "use the group's strategy".
 */
export function parseOptionalStrategy(input: unknown, path = 'strategy'): Strategy | null {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return null;
  return parseStrategy(input, path);
}
