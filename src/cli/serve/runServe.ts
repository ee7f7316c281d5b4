import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { CountryCode } from 'libphonenumber-js';
import type { Logger } from 'pino';
import { createMetrics } from '../../api/ops/metrics.js';
import { buildServer } from '../../api/server.js';
import { DAY, HOUR } from '../../core/clock.js';
import { createEngine } from '../../engine/createEngine.js';
import { systemClock } from '../../engine/systemClock.js';
import { createDispatcher } from '../../events/dispatcher.js';
import { expireRecordings } from '../../recordings/expireRecordings.js';
import { createRecordingLinks } from '../../recordings/recordingLinks.js';
import { createFileRecordingStore } from '../../recordings/recordingStore.js';
import { loadSecretKey } from '../../service/credentials/loadSecretKey.js';
import { purgeNonces } from '../../service/credentials/nonces.js';
import { createSecretBox } from '../../service/credentials/secretBox.js';
import type { ServiceDeps } from '../../service/deps.js';
import { openStore } from '../../store/openStore.js';
import { uuidv7 } from '../../store/uuidv7.js';
import { createSimTelephony } from '../../telephony/sim/createSimTelephony.js';
import type { SimProfileName } from '../../telephony/sim/simProfiles.js';
import type { Config } from '../config.js';
import { ensureStarterCredentials, renderBanner } from './bootstrap.js';

export interface ServeOptions {
  port: number;
  host: string;
  demo: boolean;
  /** Record answered calls, kept under the data directory. */
  recordings: boolean;
  profile: SimProfileName;
  /** Seconds calls in flight may run on after SIGTERM before they are hung up. */
  drainSeconds: number;
  /** Resolves to stop the server (tests); SIGTERM and SIGINT do the same. */
  until?: Promise<void>;
  onListening?: (url: string) => void;
}

/**
 * `outdial serve`: store, engine on the wall clock with simulated lines, event dispatcher, and the HTTP server.
 * On SIGTERM it stops taking work (readyz turns 503, the listener closes), lets calls in flight finish up to the
 * drain deadline, records every outcome, and exits: nothing is lost (undelivered events stay in the outbox).
 */
export async function runServe(config: Config, o: ServeOptions, log: Logger): Promise<void> {
  const dataDir = resolve(config.OUTDIAL_DATA_DIR);
  const database = config.OUTDIAL_DATABASE_URL ?? join(dataDir, 'outdial.sqlite');
  const store = await openStore({ database });
  const secretKey = loadSecretKey({ fromEnv: config.OUTDIAL_SECRET_KEY, dataDir });
  const box = createSecretBox(secretKey);
  // Links to recordings start with the public URL; without one, with the address listened on (known once listening).
  let baseUrl = config.OUTDIAL_PUBLIC_URL ?? `http://127.0.0.1:${o.port}`;
  const recordings = o.recordings ? createFileRecordingStore(join(dataDir, 'recordings')) : undefined;
  const engine = createEngine({
    db: store.db,
    caps: store.caps,
    clock: systemClock,
    telephony: createSimTelephony({ clock: systemClock, seed: Date.now() % 2 ** 31, profile: o.profile }),
    log,
    ...(recordings
      ? { recordings: { store: recordings, urlOf: (taskId) => `${baseUrl}/v1/recordings/${taskId}` } }
      : {}),
  });
  const dispatcher = createDispatcher({ db: store.db, caps: store.caps, clock: systemClock, log, box });
  // Events commit with the change that caused them: a committed change wakes the dispatcher at once.
  for (const name of ['engine:call:started', 'engine:call:ended', 'engine:group:completed'] as const) {
    engine.events.on(name, () => dispatcher.wake());
  }
  const deps: ServiceDeps = {
    db: store.db,
    caps: store.caps,
    clock: systemClock,
    newId: () => uuidv7(),
    defaultCountry: config.OUTDIAL_DEFAULT_COUNTRY as CountryCode,
    defaultTimeZone: config.OUTDIAL_TIME_ZONE,
    ...(recordings ? { recordings } : {}),
    deliveriesChanged: () => dispatcher.wake({ rewalk: true }),
    recordingLinks: createRecordingLinks(secretKey),
    wake: () => {
      engine.wake();
      dispatcher.wake();
    },
  };
  const state = { draining: false };
  const metrics = createMetrics();
  metrics.watchEngine(engine);
  metrics.watchDispatcher(dispatcher);
  const app = await buildServer({
    deps,
    box,
    store,
    metrics,
    log,
    state,
    hostId: hostname(),
    rateLimit: { max: config.OUTDIAL_RATE_LIMIT, timeWindowMs: 60_000 },
    ...(recordings ? { recordings } : {}),
  });
  const credentialsFile = join(dataDir, 'credentials.json');
  const { credentials } = await ensureStarterCredentials(deps, box, { file: credentialsFile, demo: o.demo });

  engine.start();
  dispatcher.start();
  await app.listen({ port: o.port, host: o.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  const url = `http://${o.host === '0.0.0.0' ? '127.0.0.1' : o.host}:${port}`;
  baseUrl = config.OUTDIAL_PUBLIC_URL ?? url;
  process.stdout.write(renderBanner(url, credentials, credentialsFile));
  o.onListening?.(url);

  const noncePurge = setInterval(() => {
    purgeNonces(deps, deps.clock.now() - 31 * 60_000).catch((error) => log.warn({ err: error }, 'nonce purge failed'));
  }, 60_000);
  noncePurge.unref();
  const recordingDays = config.OUTDIAL_RECORDING_DAYS;
  const expireOld =
    recordings && recordingDays > 0
      ? () => {
          expireRecordings(store.db, recordings, systemClock.now() - recordingDays * DAY).then(
            (n) => n > 0 && log.info({ expired: n, days: recordingDays }, 'retention: deleted old recordings'),
            (error) => log.warn({ err: error }, 'deleting old recordings failed; trying again in an hour'),
          );
        }
      : undefined;
  const expiry = expireOld ? setInterval(expireOld, HOUR) : undefined;
  expiry?.unref();
  expireOld?.();

  const stopSignal = new Promise<string>((resolveStop) => {
    const onSignal = (name: string) => () => resolveStop(name);
    process.once('SIGTERM', onSignal('SIGTERM'));
    process.once('SIGINT', onSignal('SIGINT'));
    o.until?.then(() => resolveStop('request'));
  });
  const reason = await stopSignal;
  log.warn({ reason, inFlight: engine.inFlight() }, 'shutting down: no new calls, draining calls in flight');
  process.stderr.write(
    `outdial: ${reason}: finishing ${engine.inFlight()} call(s) in flight (up to ${o.drainSeconds} s)…\n`,
  );
  state.draining = true;
  clearInterval(noncePurge);
  clearInterval(expiry);
  await app.close();
  await engine.stop({ drainMs: o.drainSeconds * 1000 });
  // After the engine: the events of the calls it drained are delivered too, as far as the deadline allows.
  await dispatcher.stop({ drainMs: o.drainSeconds * 1000 });
  await store.close();
  process.stderr.write('outdial: stopped; every outcome is recorded\n');
}
