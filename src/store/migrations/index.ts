import type { Migration } from 'kysely';
import * as m0001 from './0001_init.js';
import * as m0002 from './0002_server.js';
import * as m0003 from './0003_events.js';
import * as m0004 from './0004_robot.js';
import * as m0005 from './0005_pending_deliveries.js';
import * as m0006 from './0006_policy.js';
import * as m0007 from './0007_fan_out_queue.js';
import * as m0008 from './0008_walked_job_order.js';
import * as m0009 from './0009_recordings.js';

/** Listed statically so a bundled CLI carries them; append only. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_server': m0002,
  '0003_events': m0003,
  '0004_robot': m0004,
  '0005_pending_deliveries': m0005,
  '0006_policy': m0006,
  '0007_fan_out_queue': m0007,
  '0008_walked_job_order': m0008,
  '0009_recordings': m0009,
};
