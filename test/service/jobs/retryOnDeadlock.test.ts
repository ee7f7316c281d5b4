import { describe, expect, it } from 'vitest';
import { retryOnDeadlock } from '../../../src/service/jobs/retryOnDeadlock.js';

const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });

/** Work that fails with `errors` in turn, then returns how many times it ran. */
function failing(...errors: Error[]) {
  let runs = 0;
  return {
    work: async () => {
      const e = errors[runs++];
      if (e) throw e;
      return runs;
    },
    runs: () => runs,
  };
}

describe('a bulk command chosen as a deadlock victim', () => {
  it('runs its transaction again, at most three times in all', async () => {
    expect(await retryOnDeadlock(failing(deadlock, deadlock).work)).toBe(3);
    const thrice = failing(deadlock, deadlock, deadlock);
    await expect(retryOnDeadlock(thrice.work)).rejects.toBe(deadlock);
    expect(thrice.runs()).toBe(3);
  });

  it('gives up at once on any other error', async () => {
    const broken = new Error('connection refused');
    const other = failing(broken);
    await expect(retryOnDeadlock(other.work)).rejects.toBe(broken);
    expect(other.runs()).toBe(1);
  });
});
