import type { Random } from '../../core/clock.js';

/** A duration drawn once per call, in ms. Every kind gives a whole number of ms ≥ 0. */
export type SimDistribution =
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; minMs: number; maxMs: number }
  /**
   * Right-skewed, like real ring and talk times: `medianMs · e^(sigma·z)` with z standard normal,
   * kept within [minMs, maxMs].
   */
  | { kind: 'lognormal'; medianMs: number; sigma: number; minMs: number; maxMs: number };

/** Draws one duration. Uses one `random.next()` for `uniform`, two for `lognormal`, none for `fixed`. */
export function sampleDistribution(d: SimDistribution, random: Random): number {
  switch (d.kind) {
    case 'fixed':
      return Math.max(0, Math.round(d.ms));
    case 'uniform':
      return Math.max(0, Math.round(d.minMs + random.next() * (d.maxMs - d.minMs)));
    case 'lognormal': {
      // Box–Muller; 1 - u is in (0, 1], so the logarithm is finite.
      const u1 = random.next();
      const u2 = random.next();
      const z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
      const ms = d.medianMs * Math.exp(d.sigma * z);
      return Math.max(0, Math.round(Math.min(d.maxMs, Math.max(d.minMs, ms))));
    }
  }
}
