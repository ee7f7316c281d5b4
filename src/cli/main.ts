import { parseArgs } from 'node:util';
import pino from 'pino';
import { OutdialError } from '../core/errors.js';
import { SIM_PROFILES, type SimProfileName } from '../telephony/sim/simProfiles.js';
import { runChatCommand } from './chat/runChatCommand.js';
import { loadConfig } from './config.js';
import { runDemo } from './demo/runDemo.js';
import { runScriptCommand } from './script/runScriptCommand.js';
import { runServe } from './serve/runServe.js';

const USAGE = `outdial — outbound calling platform

Usage:
  outdial serve [--port N] [--host H] [--no-demo] [--no-recordings] [--profile NAME] [--drain-seconds N]
      Runs the server: REST API /v1 (OpenAPI at /openapi.json, docs at /docs), the Alibaba OutboundBot
      RPC API at /, /healthz, /readyz, /metrics; the engine dials over simulated lines. On first start
      it creates an operator key and a demo instance with keys, and prints them.
      --port           default 8080 (OUTDIAL_PORT)
      --host           default 0.0.0.0 (OUTDIAL_HOST)
      --no-demo        create only the operator key
      --no-recordings  do not record answered calls (default: kept in OUTDIAL_DATA_DIR/recordings)
      --profile        simulated network: ${Object.keys(SIM_PROFILES).join(', ')} (default 'default')
      --drain-seconds  on SIGTERM, how long calls in flight may finish (default 30)
  outdial demo [--contacts N] [--seed N] [--profile NAME]
      Runs a simulated week-long campaign through the real engine and store, then prints a summary.
      --contacts   how many contacts to call (default 1000)
      --seed       seed of the simulated callees (default 42)
      --profile    simulated network: ${Object.keys(SIM_PROFILES).join(', ')} (default 'default')
  outdial script check <file...> [--json]
      Checks robot scripts (JSON or YAML) and prints each problem as file:line:column, or 'ok'.
      Exit code 1 when a file has errors, 0 when there are only warnings.
      --json       print the report as JSON
  outdial chat <script.yaml|json> [--var name=value ...] [--json]
      Talk to a robot script as the caller: type answers, an empty line for silence, /dtmf 1, /hangup,
      /state, /quit. Shows how each answer was understood and the grade so far; at the end the grade,
      rule, tags and transcript. Reads piped input too.
      --var        a job variable the script uses (repeat for each)
      --json       print JSON lines instead of text
  outdial help

Environment:
  OUTDIAL_DATABASE_URL   postgres://… to use PostgreSQL (default: SQLite in OUTDIAL_DATA_DIR)
  OUTDIAL_DATA_DIR       where SQLite files and recordings live (default .outdial)
  OUTDIAL_PUBLIC_URL     base of the links to recordings in events (default http://127.0.0.1:<port>)
  OUTDIAL_RECORDING_DAYS days a recording is kept after its call; 0 keeps them (default 180)
  OUTDIAL_TIME_ZONE      zone of the calling windows (default Asia/Shanghai)
  OUTDIAL_DEFAULT_COUNTRY country of national phone numbers (default CN)
  OUTDIAL_SECRET_KEY     32-byte key sealing AccessKey secrets (default: OUTDIAL_DATA_DIR/secret.key)
  OUTDIAL_RATE_LIMIT     API requests per key per minute (default 6000)
  OUTDIAL_LOG_LEVEL      fatal | error | warn | info | debug (default warn)
`;

function positiveInt(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}`);
  return n;
}

class UsageError extends Error {}

/** 0 asks the system for a free port. */
function portNumber(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError('--port must be a whole number from 0 to 65535');
  return n;
}

function simProfile(raw: string | undefined): SimProfileName {
  const profile = (raw ?? 'default') as SimProfileName;
  if (!(profile in SIM_PROFILES)) {
    throw new UsageError(`--profile must be one of ${Object.keys(SIM_PROFILES).join(', ')}`);
  }
  return profile;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (command === 'script') return await runScriptCommand(rest);
    if (command === 'chat') return await runChatCommand(rest);
    const config = loadConfig();
    const log = pino({ level: config.OUTDIAL_LOG_LEVEL }, pino.destination(2));
    if (command === 'serve') {
      const { values } = parseArgs({
        args: rest,
        options: {
          port: { type: 'string' },
          host: { type: 'string' },
          'no-demo': { type: 'boolean' },
          'no-recordings': { type: 'boolean' },
          profile: { type: 'string' },
          'drain-seconds': { type: 'string' },
        },
        strict: true,
      });
      await runServe(
        config,
        {
          port: values.port === undefined ? config.OUTDIAL_PORT : portNumber(values.port),
          host: values.host ?? config.OUTDIAL_HOST,
          demo: values['no-demo'] !== true,
          recordings: values['no-recordings'] !== true,
          profile: simProfile(values.profile),
          drainSeconds: positiveInt('drain-seconds', values['drain-seconds'], 30, 3600),
        },
        log,
      );
      return 0;
    }
    if (command === 'demo') {
      const { values } = parseArgs({
        args: rest,
        options: { contacts: { type: 'string' }, seed: { type: 'string' }, profile: { type: 'string' } },
        strict: true,
      });
      const profile = simProfile(values.profile);
      await runDemo(
        config,
        {
          contacts: positiveInt('contacts', values.contacts, 1000, 1_000_000),
          seed: positiveInt('seed', values.seed, 42, 2 ** 31),
          profile,
        },
        log,
      );
      return 0;
    }
    throw new UsageError(`unknown command '${command}'`);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      process.stderr.write(`outdial: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof OutdialError) {
      process.stderr.write(`outdial: ${error.code}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
