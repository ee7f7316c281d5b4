import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./dispatcherChild.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

export interface DispatcherChild {
  /** Resolves with the formats it renders with (`real` or `stub`) once its dispatcher runs. */
  ready: Promise<string>;
  exited: Promise<ChildExit>;
  /** Deliveries this process recorded as delivered, as its last `sent` line said. */
  delivered(): number;
  /** `retry` lines: sends that failed and will be retried. */
  retries: string[];
  /** Whether it printed `stopped` (a SIGTERM stopped its dispatcher cleanly). */
  stopped(): boolean;
  /** Resolves once it reported at least `n` deliveries, or ended. */
  whenDelivered(n: number): Promise<void>;
  kill(signal: NodeJS.Signals): void;
  stderr(): string;
}

const live = new Set<ChildProcess>();

/** SIGKILLs every child this module started that still runs (for a test that failed or timed out). */
export function killLiveDispatcherChildren(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/** Starts dispatcherChild.ts on the store; `timeoutMs` bounds its life (a hang is ended and reported). */
export function spawnDispatcherChild(
  o: { database: string; boxKey: Buffer; schema?: string },
  timeoutMs: number,
): DispatcherChild {
  const args = ['--import', 'tsx', CHILD, o.database, o.boxKey.toString('hex'), ...(o.schema ? [o.schema] : [])];
  const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let delivered = 0;
  let stopped = false;
  let stderr = '';
  const retries: string[] = [];
  let deliveredWaiters: { n: number; resolve: () => void }[] = [];
  const settleWaiters = (all: boolean) => {
    const keep = deliveredWaiters.filter((w) => !all && delivered < w.n);
    for (const w of deliveredWaiters) if (!keep.includes(w)) w.resolve();
    deliveredWaiters = keep;
  };
  let onReady: (formats: string) => void = () => undefined;
  const ready = new Promise<string>((resolve) => {
    onReady = resolve;
  });

  const onLine = (line: string) => {
    const [word, a] = line.split(' ');
    if (word === 'ready') onReady(line.split(' ')[2] ?? '');
    else if (word === 'sent') {
      delivered = Number(a);
      settleWaiters(false);
    } else if (word === 'retry') retries.push(line.slice('retry '.length));
    else if (word === 'stopped') stopped = true;
  };
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      onLine(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const guard = setTimeout(() => {
    stderr += `\n[test] child ran longer than ${timeoutMs} ms and was ended`;
    child.kill('SIGKILL');
  }, timeoutMs);
  const exited = new Promise<ChildExit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      live.delete(child);
      clearTimeout(guard);
      settleWaiters(true);
      resolve({ code, signal, stderr });
    });
  });
  // A child that dies before it is ready must not leave the test waiting for `ready`.
  void exited.then(() => onReady('none'));

  return {
    ready,
    exited,
    delivered: () => delivered,
    retries,
    stopped: () => stopped,
    whenDelivered: (n) =>
      delivered >= n || child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise<void>((resolve) => deliveredWaiters.push({ n, resolve })),
    kill: (signal) => {
      child.kill(signal);
    },
    stderr: () => stderr,
  };
}
