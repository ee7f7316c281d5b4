import { describe, expect, it } from 'vitest';
import { OutdialError } from '../../../src/core/errors.js';
import { compileOutcomeRules, type OutcomeRule } from '../../../src/telephony/sim/compileOutcomeRules.js';

describe('compileOutcomeRules', () => {
  it('gives the n-th dial the n-th outcome and repeats the last', () => {
    const rules = compileOutcomeRules([
      { pattern: '+86138*', outcomes: ['Busy', { status: 'NoAnswer' }, 'Succeeded'] },
    ]);
    expect([0, 1, 2, 3, 9].map((n) => rules.match('+8613800000001', n)?.status)).toEqual([
      'Busy',
      'NoAnswer',
      'Succeeded',
      'Succeeded',
      'Succeeded',
    ]);
    expect(rules.match('+8613900000001', 0)).toBeUndefined();
  });

  it('lets the first matching rule win', () => {
    const rules = compileOutcomeRules([
      { pattern: '+8613800000001', outcomes: ['PoweredOff'] },
      { pattern: /^\+86138/, outcomes: ['Busy'] },
      { pattern: '*', outcomes: ['Succeeded'] },
    ]);
    expect(rules.match('+8613800000001', 0)?.status).toBe('PoweredOff');
    expect(rules.match('+8613800000002', 0)?.status).toBe('Busy');
    expect(rules.match('+8613900000002', 0)).toBeUndefined(); // '*' matches digits only, not '+'
    expect(compileOutcomeRules([{ pattern: '+*', outcomes: ['EmptyNumber'] }]).match('+1', 0)?.status).toBe(
      'EmptyNumber',
    );
  });

  it.each([
    [{ pattern: '+1*', outcomes: [] }, 'rules[0].outcomes'],
    [{ pattern: '+1*', outcomes: ['Bussy'] }, 'rules[0].outcomes[0]'],
    [{ pattern: '+1*', outcomes: ['Busy', { status: 'Executing' }] }, 'rules[0].outcomes[1].status'],
    [{ pattern: '+1*', outcomes: [{ status: 'Busy', ringMs: -1 }] }, 'rules[0].outcomes[0].ringMs'],
    [{ pattern: '+1*', outcomes: [{ status: 'Busy', sipCode: 486.5 }] }, 'rules[0].outcomes[0].sipCode'],
    [{ pattern: 42, outcomes: ['Busy'] }, 'rules[0].pattern'],
  ])('rejects an invalid rule, naming the field (%#)', (rule, field) => {
    const run = () => compileOutcomeRules([rule as unknown as OutcomeRule]);
    expect(run).toThrow(OutdialError);
    expect(run).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field } }));
  });
});
