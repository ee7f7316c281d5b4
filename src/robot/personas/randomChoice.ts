import type { Random } from '../../core/clock.js';

/** True with probability `p`. */
export function chance(random: Random, p: number): boolean {
  return random.next() < p;
}

/** One item, uniformly; undefined for an empty list. */
export function pickOne<T>(random: Random, items: readonly T[]): T | undefined {
  if (items.length === 0) return undefined;
  return items[Math.floor(random.next() * items.length)];
}

/** A number in [min, max). */
export function between(random: Random, min: number, max: number): number {
  return min + random.next() * (max - min);
}
