import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ChatIo, runChatCommand } from '../../../src/cli/chat/runChatCommand.js';
import { runScriptCommand } from '../../../src/cli/script/runScriptCommand.js';

const EN = 'examples/scripts/debt-reminder.en.yaml';
const ZH = 'examples/scripts/debt-reminder.zh.yaml';
const EN_VARS = ['--var', 'name=Ms. Rivera', '--var', 'amount=$182.40', '--var', 'dueDate=March 15'];
const ZH_VARS = ['--var', 'name=张先生', '--var', 'amount=3280.50', '--var', 'dueDate=3月15日'];
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A script with a branch to a node that does not exist. */
const BROKEN = `name: Broken
language: en
intents:
  yes: { keywords: [yes] }
start: greet
nodes:
  greet:
    type: ask
    say: Shall we?
    branches:
      - { intent: yes, goto: by }
  bye: { type: hangup, say: Goodbye. }
`;

interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the chat with `lines` piped in; the clock moves 7 s every time the chat reads it. */
async function chat(args: string[], lines: string[]): Promise<Run> {
  let out = '';
  let err = '';
  let clock = Date.UTC(2026, 2, 2, 9, 0, 0);
  const io: ChatIo = {
    readFile: (path) =>
      path === 'broken.yaml' ? Promise.resolve(BROKEN) : readFile(new URL(path, `file://${ROOT}`), 'utf8'),
    input: Readable.from(lines.map((l) => `${l}\n`)),
    terminal: null,
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    now: () => {
      clock += 7_000;
      return clock;
    },
  };
  const code = await runChatCommand(args, io);
  return { code, out, err };
}

const section = (out: string, title: string) => out.slice(out.indexOf(`\n${title}\n`) + title.length + 2);

describe('outdial chat', () => {
  it('talks an English script through to a promise to pay: prompts, understanding, running grade, final grade and transcript', async () => {
    const { code, out, err } = await chat(
      [EN, ...EN_VARS],
      ['yes', '', '/state', 'how do I pay', '/fly', 'I can pay it on Friday', 'this line is never read'],
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('robot: Hello, this is Harbor Bank card services. Am I speaking with Ms. Rivera?');
    expect(out).toContain('you> yes');
    expect(out).toContain("understood: branch · intent 'yes' · exact: yes → state_debt");
    expect(out).toContain('your card payment of $182.40 was due on March 15');
    // The empty line is silence: the node's noInput retry prompt follows.
    expect(out).toContain('understood: silence → state_debt');
    expect(out).toContain('robot: Are you still there? Your payment is past due.');
    expect(out).toMatch(/counters: affirmatives 1 · refusals 0 .*silences 1/);
    expect(out).toContain("understood: knowledge · intent 'howToPay'");
    expect(out).toContain("unknown command '/fly'");
    // Before the promise the grade is the fallback; after it, A — both marked provisional.
    expect(out).toContain('grade so far (provisional): C (refused to pay) · rule: fallback');
    expect(out).toContain('grade so far (provisional): A (promised to pay) · rule: promised a payment date');
    expect(out).toContain('Call ended: completed at confirm_promise');
    expect(out).toContain('Grade: A (promised to pay)\nRule:  promised a payment date\nTags:  promise_to_pay');
    expect(out).not.toContain('never read');
    expect(out).not.toMatch(/undefined|\$\{/);

    const transcript = section(out, 'Transcript').trimEnd().split('\n');
    expect(transcript[0]).toMatch(/^ {2}00:00 {2}robot {3}Hello, this is Harbor Bank/);
    expect(transcript).toContain("  00:07  caller  yes  [branch · intent 'yes' · exact: yes]");
    expect(transcript.some((l) => /^ {2}00:14 {2}caller {2}\(silence\) {2}\[silence\]$/.test(l))).toBe(true);
    expect(transcript.at(-1)).toMatch(/^ {2}\d\d:\d\d {2}robot {3}Perfect, I've noted that you'll pay \$182\.40/);
    // Times are relative to the start of the call and never go back.
    const times = transcript.map((l) => l.slice(2, 7));
    expect([...times].sort()).toEqual(times);
  });

  it('talks a Chinese script: keys, a knowledge answer, then the caller hangs up', async () => {
    const { code, out } = await chat([ZH, ...ZH_VARS], ['是的', '会影响征信吗', '/dtmf 9', '/hangup']);
    expect(code).toBe(0);
    expect(out).toContain('robot: 喂，您好，请问是张先生吗？');
    expect(out).toContain("understood: branch · intent 'yes'");
    expect(out).toContain('您的信用卡本期账单3280.50元，最后还款日是3月15日');
    expect(out).toContain("understood: knowledge · intent 'creditReport'");
    expect(out).toContain('robot: 逾期记录会按规定报送人民银行征信系统');
    expect(out).toContain('understood: noMatch');
    expect(out).toContain('understood: hangup');
    expect(out).toContain('Call ended: callerHungUp at state_debt');
    expect(out).toMatch(/^Grade: C\(拒绝还款\)$/m);
    expect(out).toMatch(/^Tags: {2}credit_concern$/m);
    const transcript = section(out, 'Transcript');
    expect(transcript).toContain('caller  [dtmf 9]  [noMatch');
    expect(transcript).toContain('caller  (hangs up)  [hangup]');
  });

  it('on /quit before the call ends prints the grade so far as provisional', async () => {
    const { code, out } = await chat([ZH, ...ZH_VARS], ['是的', '/quit', '我明天还']);
    expect(code).toBe(0);
    expect(out).toContain('Call left at state_debt after 00:07, 2 robot turns: it had not ended.');
    expect(out).toContain('Grade so far (provisional): C(拒绝还款)');
    expect(out).not.toContain('我明天还');
  });

  it('ends like /quit when the input ends first', async () => {
    const { code, out } = await chat([EN, ...EN_VARS], ['yes']);
    expect(code).toBe(0);
    expect(out).toContain('Call left at state_debt');
  });

  it('prints JSON lines with --json', async () => {
    const { code, out } = await chat([EN, ...EN_VARS, '--json'], ["I'm driving right now"]);
    expect(code).toBe(0);
    const events = out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.map((e) => e.type)).toEqual(['begin', 'robot', 'understood', 'robot', 'end']);
    expect(events[2]).toMatchObject({
      input: { kind: 'text', text: "I'm driving right now" },
      kind: 'branch',
      match: { intent: 'busy', how: 'keyword' },
      node: 'end_busy',
      grade: { level: 'D', provisional: true },
    });
    expect(events[3]).toMatchObject({ action: 'hangup', node: 'end_busy' });
    const end = events[4] as { ended: string; grade: { level: string; provisional: boolean }; transcript: unknown[] };
    expect(end.ended).toBe('completed');
    expect(end.grade).toMatchObject({ level: 'D', provisional: false, tags: ['call_back_later'] });
    expect(end.transcript).toHaveLength(3);
  });

  it('names the variables the script needs and how to pass them, and exits 2', async () => {
    const { code, out, err } = await chat([EN, '--var', 'amount=$5'], ['yes']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('the script needs a variable with no fallback: dueDate');
    expect(err).toContain(`outdial chat ${EN} --var dueDate=…`);
  });

  it('prints script errors as `outdial script check` does and exits 1', async () => {
    const { code, out, err } = await chat(['broken.yaml'], ['yes']);
    expect(code).toBe(1);
    expect(out).toBe('');
    let checked = '';
    const checkCode = await runScriptCommand(['check', 'broken.yaml'], {
      readFile: async () => BROKEN,
      stdout: (text) => {
        checked += text;
      },
      stderr: () => {},
    });
    expect(checkCode).toBe(1);
    expect(err).toBe(checked);
    expect(err).toContain('[UNKNOWN_NODE]');
  });

  it('refuses bad arguments with the usage and exit code 2', async () => {
    expect((await chat([], [])).code).toBe(2);
    const bad = await chat([EN, '--var', 'amount'], []);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--var takes name=value (got 'amount')");
  });

  it('reads a dialogue piped into the real process', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/cli/serveChild.ts', 'chat', EN, ...EN_VARS], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stdin.end('yes\nI already paid that yesterday\n');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(out).toContain("understood: branch · intent 'alreadyPaid'");
    expect(out).toContain('Grade: B (in progress)');
    expect(out).toContain('Tags:  claims_paid');
  });
});
