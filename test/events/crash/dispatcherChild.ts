/**
 * The delivery crash test's child process:
 * `node --import tsx dispatcherChild.ts <database> <secret box key, hex> [postgres schema]`.
 *
 * Opens the (already migrated) store and runs a dispatcher on the wall clock with short polls and short
 * leases, so the deliveries a SIGKILL leaves leased are free again a second or two later.
 *
 * Prints, one line each (the parent reads them):
 *   `ready <owner>`                   once the dispatcher runs;
 *   `sent <delivered> <inFlight>`     every SENT_EVERY deliveries this process recorded as delivered;
 *   `retry <eventId> <error>`         per failed send (it will be retried);
 *   `stopped <delivered>`             after a SIGTERM stopped the dispatcher (exit 0).
 */
import pino from 'pino';
import { systemClock } from '../../../src/engine/systemClock.js';
import { createDispatcher, type DispatcherOptions } from '../../../src/events/dispatcher.js';
import { createSecretBox } from '../../../src/service/credentials/secretBox.js';
import { openStore } from '../../../src/store/openStore.js';

const SENT_EVERY = 10;

/** Leases of 1.5 s (the test's subscription times out after 1 s, plus 0.5 s): a dead child's sends are retried soon. */
const CHILD_DISPATCHER_OPTIONS: Partial<DispatcherOptions> = {
  pollMs: 20,
  leaseMs: 1_000,
  leaseMarginMs: 500,
  perSubscription: 8,
  global: 64,
  fanOutBatch: 100,
};

const out = (line: string) => process.stdout.write(`${line}\n`);

const [database, keyHex, schema] = process.argv.slice(2);
if (!database || !keyHex) {
  process.stderr.write('dispatcherChild: usage: dispatcherChild.ts <database> <secret box key, hex> [schema]\n');
  process.exit(64);
}
const store = await openStore({ database, migrate: false, poolSize: 4, ...(schema ? { schema } : {}) });
const dispatcher = createDispatcher({
  db: store.db,
  caps: store.caps,
  clock: systemClock,
  log: pino({ level: 'error' }, process.stderr),
  box: createSecretBox(Buffer.from(keyHex, 'hex')),
  options: CHILD_DISPATCHER_OPTIONS,
});

let delivered = 0;
dispatcher.onAttempt((r) => {
  if (r.status === 'delivered') {
    delivered++;
    if (delivered % SENT_EVERY === 0) out(`sent ${delivered} ${dispatcher.inFlight()}`);
  } else {
    out(`retry ${r.eventId} ${(r.error ?? r.status).replaceAll('\n', ' ')}`);
  }
});

process.once('SIGTERM', () => {
  void (async () => {
    await dispatcher.stop({ drainMs: 5_000 });
    await store.close();
    out(`stopped ${delivered}`);
    process.exit(0);
  })();
});

dispatcher.start();
out(`ready ${dispatcher.owner}`);
