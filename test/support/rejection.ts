import { OutdialError } from '../../src/core/errors.js';

/** The OutdialError a call is refused with; fails the test when the call succeeds or throws something else. */
export async function rejection(p: Promise<unknown>): Promise<OutdialError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof OutdialError) return e;
    throw e;
  }
  throw new Error('expected the call to be refused');
}
