import type { Line, LineGroup } from '../../../core/types.js';

/**
 * A line as a ListOutboundCallNumbers item. The rate limit is its line group's calls per second:
 * `RateLimitCount` calls per `RateLimitPeriod` seconds, both empty when the group is unlimited.
 */
export function wireCallingNumber(line: Line, group?: Pick<LineGroup, 'callsPerSecond'>) {
  const limited = (group?.callsPerSecond ?? 0) > 0;
  return {
    OutboundCallNumberId: line.id,
    Number: line.callingNumber,
    RateLimitCount: limited ? String(group?.callsPerSecond) : '',
    RateLimitPeriod: limited ? '1' : '',
  };
}
