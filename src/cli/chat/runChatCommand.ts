import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { compileScript } from '../../robot/compileScript.js';
import type { ChatView } from './chatView.js';
import { createJsonChatView } from './jsonChatView.js';
import { loadChatScript } from './loadChatScript.js';
import { parseChatArgs } from './parseChatArgs.js';
import { runChat } from './runChat.js';
import { createTextChatView } from './textChatView.js';

export const CHAT_USAGE = `Usage:
  outdial chat <script.yaml|json> [--var name=value ...] [--json]
      Talk to a robot script in the terminal: it speaks its prompts, you answer as the caller.
      Type what the caller says; an empty line is silence; /dtmf 1 keys digits; /hangup hangs up;
      /state shows counters, node and tags; /quit leaves. After each turn it shows how the answer was
      understood and the grade so far; at the end the grade, its rule, the tags and the transcript.
      Reads piped input too. Exit code 1 when the script has errors, 2 for a usage error or a
      variable the script needs that was not given.
      --var    a job variable, e.g. --var name="Ms. Rivera" (repeat for each)
      --json   print JSON lines (begin, robot, understood, state, notice, end) instead of text
`;

/** Where the chat reads and writes; tests pass their own. */
export interface ChatIo {
  readFile(path: string): Promise<string>;
  input: NodeJS.ReadableStream;
  /** The terminal a person types at (a prompt is shown there); null when lines are piped in (they are echoed). */
  terminal: NodeJS.WritableStream | null;
  stdout(text: string): void;
  stderr(text: string): void;
  now(): number;
}

const processIo = (): ChatIo => ({
  readFile: (path) => readFile(path, 'utf8'),
  input: process.stdin,
  terminal: process.stdin.isTTY === true && process.stdout.isTTY === true ? process.stdout : null,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: Date.now,
});

/** Lines from the input; on a terminal a `you> ` prompt before each, and Ctrl-C ends the input. */
async function* callerLines(rl: ReturnType<typeof createInterface>, prompt: boolean): AsyncGenerator<string> {
  const lines = rl[Symbol.asyncIterator]();
  for (;;) {
    if (prompt) rl.prompt();
    const next = await lines.next();
    if (next.done) return;
    yield next.value;
  }
}

/** `outdial chat <script> …`; returns the exit code. */
export async function runChatCommand(args: readonly string[], io: ChatIo = processIo()): Promise<number> {
  let parsed: ReturnType<typeof parseChatArgs>;
  try {
    parsed = parseChatArgs(args);
  } catch (error) {
    io.stderr(`outdial chat: ${error instanceof Error ? error.message : String(error)}\n\n${CHAT_USAGE}`);
    return 2;
  }
  const { file, variables, json } = parsed;
  const loaded = await loadChatScript(file, variables, { ...io, json });
  if (!loaded.ok) return loaded.exitCode;
  const { script } = loaded;
  const view: ChatView = json
    ? createJsonChatView(io.stdout)
    : createTextChatView(io.stdout, { echo: io.terminal === null });
  view.begin(script, file);
  const declared = new Set(script.variables.map((v) => v.name));
  for (const name of Object.keys(variables)) {
    if (!declared.has(name)) view.notice(`--var ${name}: the script declares no variable '${name}'; it is unused`);
  }

  const rl = createInterface({
    input: io.input,
    ...(io.terminal ? { output: io.terminal, prompt: 'you> ', terminal: true } : { terminal: false }),
  });
  rl.on('SIGINT', () => rl.close());
  try {
    await runChat({
      compiled: compileScript(script),
      variables,
      lines: callerLines(rl, io.terminal !== null),
      view,
      now: io.now,
    });
  } finally {
    rl.close();
  }
  return 0;
}
