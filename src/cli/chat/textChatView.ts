import type { CallGrade, TranscriptTurn } from '../../robot/runtime/types.js';
import type { ChatView } from './chatView.js';
import { describeUnderstanding } from './describeUnderstanding.js';
import { formatElapsed } from './formatElapsed.js';
import { CALLER_COMMANDS_HELP } from './parseCallerLine.js';

const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : '—');

function gradeLine(grade: CallGrade): string {
  return `${grade.label} · rule: ${grade.rule} · tags: ${list(grade.tags)}`;
}

function transcriptLine(turn: TranscriptTurn, startedAt: number): string {
  const when = formatElapsed(turn.at - startedAt);
  if (turn.speaker === 'robot') return `  ${when}  robot   ${turn.text}`;
  const said = turn.text === '' ? `(${turn.kind === 'hangup' ? 'hangs up' : 'silence'})` : turn.text;
  const how = turn.kind === undefined ? '' : `  [${describeUnderstanding({ kind: turn.kind, match: turn.match })}]`;
  return `  ${when}  caller  ${said}${how}`;
}

/**
 * The chat as a person reads it. `echo` repeats each typed line after `you> `: on a pipe nothing else shows
 * what the caller said.
 */
export function createTextChatView(write: (text: string) => void, o: { echo: boolean }): ChatView {
  const line = (text = '') => write(`${text}\n`);
  return {
    begin(script, file) {
      line(`Talking to '${script.name}' (${script.language}, ${file}).`);
      line(`Commands: ${CALLER_COMMANDS_HELP}.`);
      line();
    },
    heard(text) {
      if (o.echo) line(`you> ${text}`);
    },
    robot({ state, output }) {
      const when = `[${formatElapsed(state.lastAt - state.startedAt)}]`;
      for (const said of output.say) line(`${when} robot: ${said}`);
      if (output.action === 'hangup') line(`${when} robot hangs up (${state.ended ?? 'ended'})`);
      if (output.action === 'transfer') line(`${when} robot transfers the call to ${state.transferTo ?? '?'}`);
    },
    understood({ state, output }, _input, provisional) {
      if (output.understood) line(`  understood: ${describeUnderstanding(output.understood)} → ${state.nodeId}`);
      line(`  grade so far (provisional): ${gradeLine(provisional)}`);
    },
    state(state, provisional) {
      const c = state.counters;
      const counters = Object.entries(c).map(([name, n]) => `${name} ${n}`);
      line(`  node: ${state.nodeId} · retries: noInput ${state.retries.noInput}, noMatch ${state.retries.noMatch}`);
      line(`  counters: ${counters.join(' · ')}`);
      line(`  intents hit: ${list(state.hits)} · tags: ${list(state.tags)} · visited: ${list(state.visited)}`);
      line(`  grade so far (provisional): ${gradeLine(provisional)}`);
    },
    notice(message) {
      line(`  ${message}`);
    },
    end(state, grade) {
      const took = formatElapsed(state.lastAt - state.startedAt);
      const rounds = `${state.counters.rounds} robot turn${state.counters.rounds === 1 ? '' : 's'}`;
      line();
      if (state.ended === null) {
        line(`Call left at ${state.nodeId} after ${took}, ${rounds}: it had not ended.`);
        line(`Grade so far (provisional): ${grade.label}`);
      } else {
        const to = state.ended === 'transferred' ? ` to ${state.transferTo ?? '?'}` : '';
        line(`Call ended: ${state.ended}${to} at ${state.nodeId} after ${took}, ${rounds}.`);
        line(`Grade: ${grade.label}`);
      }
      line(`Rule:  ${grade.rule}`);
      line(`Tags:  ${list(grade.tags)}`);
      line();
      line('Transcript');
      for (const turn of state.transcript) line(transcriptLine(turn, state.startedAt));
    },
  };
}
