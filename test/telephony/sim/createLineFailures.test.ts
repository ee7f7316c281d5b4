import { describe, expect, it } from 'vitest';
import { createLineFailures } from '../../../src/telephony/sim/createLineFailures.js';

const A1 = { lineGroupId: 'lg-a', lineId: 'a-1' };
const A2 = { lineGroupId: 'lg-a', lineId: 'a-2' };
const B1 = { lineGroupId: 'lg-b', lineId: 'b-1' };

describe('createLineFailures', () => {
  it('matches rules by group, line and the half-open window [from, until)', () => {
    const lines = createLineFailures([
      { lineGroupId: 'lg-a', from: 1000, until: 2000 },
      { lineId: 'b-1', status: 'CallerNotRegistered' },
    ]);
    expect([999, 1000, 1999, 2000].map((t) => lines.failureFor(A2, t))).toEqual([
      undefined,
      'Failed',
      'Failed',
      undefined,
    ]);
    expect(lines.failureFor(B1, 0)).toBe('CallerNotRegistered');
    expect(lines.failureFor({ lineGroupId: 'lg-b', lineId: 'b-2' }, 0)).toBeUndefined();
  });

  it('needs both ids to match when a rule gives both, and matches every line when it gives neither', () => {
    const both = createLineFailures([{ lineGroupId: 'lg-a', lineId: 'a-1' }]);
    expect([both.failureFor(A1, 0), both.failureFor(A2, 0), both.failureFor(B1, 0)]).toEqual([
      'Failed',
      undefined,
      undefined,
    ]);
    const all = createLineFailures([{ until: 10 }]);
    expect([all.failureFor(B1, 9), all.failureFor(B1, 10)]).toEqual(['Failed', undefined]);
  });

  it('takes a group or a single line down and back up', () => {
    const lines = createLineFailures([]);
    lines.setDown('lg-a', true);
    lines.setDown('b-1', true);
    expect([lines.failureFor(A1, 0), lines.failureFor(A2, 0), lines.failureFor(B1, 0)]).toEqual([
      'Failed',
      'Failed',
      'Failed',
    ]);
    lines.setDown('lg-a', false);
    expect([lines.failureFor(A1, 0), lines.failureFor(B1, 0)]).toEqual([undefined, 'Failed']);
  });
});
