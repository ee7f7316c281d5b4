import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../src/core/random.js';
import { sampleDistribution } from '../../../src/telephony/sim/sampleDistribution.js';

describe('sampleDistribution', () => {
  it('gives a fixed value without drawing', () => {
    const random = { next: () => expect.unreachable('fixed must not draw') as never };
    expect(sampleDistribution({ kind: 'fixed', ms: 1500 }, random)).toBe(1500);
  });

  it('keeps uniform draws within their range, in whole ms', () => {
    const random = createSeededRandom(1);
    for (let i = 0; i < 5000; i++) {
      const ms = sampleDistribution({ kind: 'uniform', minMs: 1000, maxMs: 3000 }, random);
      expect(Number.isInteger(ms) && ms >= 1000 && ms <= 3000).toBe(true);
    }
  });

  it('draws lognormal values around the median and clamps them to [minMs, maxMs]', () => {
    const random = createSeededRandom(2);
    const d = { kind: 'lognormal', medianMs: 8000, sigma: 0.5, minMs: 3000, maxMs: 20_000 } as const;
    const draws = Array.from({ length: 20_000 }, () => sampleDistribution(d, random)).sort((a, b) => a - b);
    expect(draws[0]).toBe(3000);
    expect(draws[draws.length - 1]).toBe(20_000);
    const median = draws[draws.length / 2] as number;
    expect(median).toBeGreaterThan(7600);
    expect(median).toBeLessThan(8400);
  });
});
