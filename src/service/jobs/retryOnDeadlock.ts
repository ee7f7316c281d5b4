/** PostgreSQL's deadlock_detected: the other transaction went on, this one may simply run again. */
const DEADLOCK = '40P01';

/**
 * Runs `work` (one transaction), again up to twice when PostgreSQL aborted it as a deadlock victim: a
 * bulk command and the engine's outcome recorder lock the same jobs in different orders. `work` must be
 * safe to repeat (guarded updates are).
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 3 || (error as { code?: unknown } | null)?.code !== DEADLOCK) throw error;
    }
  }
}
