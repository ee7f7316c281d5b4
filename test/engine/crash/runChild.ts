import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./campaignChild.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * When to SIGKILL the child: a wall-clock delay after it is up; a few ms after the first progress line that
 * reports calls in flight at or after a virtual instant; or a few ms after its Nth such line.
 */
export type KillPlan =
  | { kind: 'wall'; afterMs: number }
  | { kind: 'busy'; notBefore: number; thenMs: number }
  | { kind: 'lines'; busyLines: number; thenMs: number }
  | { kind: 'none' };

export interface ChildRun {
  /** Leases of the tasks the previous run left Executing, as this run found them: task id → lease_until. */
  leases: Map<string, number>;
  /** What `ready` said: where the virtual clock resumed and what the store held then. */
  ready: { at: number; executing: number; tasks: number; fresh: boolean } | null;
  /** Progress lines seen, and those with calls in flight. */
  progress: number;
  busyProgress: number;
  /** The last virtual instant the child reported before it ended. */
  lastVirtual: number | null;
  /** Whether this run sent the SIGKILL (the child may still have ended on its own first). */
  killSent: boolean;
  /** Wall ms from `ready` to the kill. */
  killedAfterMs: number | null;
  code: number | null;
  signal: NodeJS.Signals | null;
  done: boolean;
  stderr: string;
  wallMs: number;
}

const live = new Set<ReturnType<typeof spawn>>();

/** SIGKILLs every child this module started that is still running (for a test that failed or timed out). */
export function killLiveChildren(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/** Runs the campaign child on `file` once, killing it with SIGKILL as the plan says. */
export function runChild(file: string, plan: KillPlan, downtimeMs: number, timeoutMs: number): Promise<ChildRun> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, String(downtimeMs)], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const run: ChildRun = {
    leases: new Map(),
    ready: null,
    progress: 0,
    busyProgress: 0,
    lastVirtual: null,
    killSent: false,
    killedAfterMs: null,
    code: null,
    signal: null,
    done: false,
    stderr: '',
    wallMs: 0,
  };
  let readyAt = 0;
  let armed = false;
  const thenMs = plan.kind === 'busy' || plan.kind === 'lines' ? plan.thenMs : 0;
  const timers: NodeJS.Timeout[] = [];
  const kill = () => {
    if (run.killSent || child.exitCode !== null || child.signalCode !== null) return;
    run.killSent = true;
    run.killedAfterMs = Date.now() - readyAt;
    child.kill('SIGKILL');
  };
  const onLine = (line: string) => {
    const [word, a, b, c, d] = line.split(' ');
    if (word === 'lease') {
      run.leases.set(a as string, Number(b));
    } else if (word === 'ready') {
      readyAt = Date.now();
      run.ready = { at: Number(a), executing: Number(b), tasks: Number(c), fresh: d === 'fresh' };
      if (plan.kind === 'wall') timers.push(setTimeout(kill, plan.afterMs));
    } else if (word === 'progress') {
      run.progress++;
      run.lastVirtual = Number(a);
      if (Number(b) > 0) {
        run.busyProgress++;
        const due =
          (plan.kind === 'busy' && Number(a) >= plan.notBefore) ||
          (plan.kind === 'lines' && run.busyProgress >= plan.busyLines);
        if (due && !armed) {
          armed = true;
          timers.push(setTimeout(kill, thenMs));
        }
      }
    } else if (word === 'done') {
      run.done = true;
      run.lastVirtual = Number(a);
    }
  };
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      onLine(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    run.stderr += chunk;
  });
  // A child that hangs is a failure, not a kill: it is ended, and reported as such.
  const guard = setTimeout(() => {
    run.stderr += `\n[test] child ran longer than ${timeoutMs} ms and was ended`;
    child.kill('SIGKILL');
  }, timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      live.delete(child);
      clearTimeout(guard);
      for (const t of timers) clearTimeout(t);
      run.code = code;
      run.signal = signal;
      run.wallMs = Date.now() - started;
      resolve(run);
    });
  });
}
