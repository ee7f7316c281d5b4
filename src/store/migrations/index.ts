import type { Migration } from 'kysely';
import * as m0001 from './0001_init.js';

/** Listed statically so a bundled CLI carries them; append only. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_init': m0001,
};
