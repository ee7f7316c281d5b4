import type { CallGrade, SessionState, StepResult, TurnInput } from '../../robot/runtime/types.js';
import type { ChatView } from './chatView.js';
import { formatElapsed } from './formatElapsed.js';

const elapsed = (state: SessionState, at: number) => formatElapsed(at - state.startedAt);

function robotEvent({ state, output }: StepResult) {
  return {
    type: 'robot',
    elapsed: elapsed(state, state.lastAt),
    node: state.nodeId,
    say: output.say,
    action: output.action,
    ...(state.transferTo === null ? {} : { transferTo: state.transferTo }),
  };
}

function callerInput(input: TurnInput) {
  if (input.kind === 'text') return { kind: 'text', text: input.text };
  if (input.kind === 'dtmf') return { kind: 'dtmf', digits: input.digits };
  return { kind: input.kind };
}

/**
 * The chat as JSON lines, one event per line: `begin`, `robot`, `understood` (with the provisional grade),
 * `state`, `notice` and `end` (the grade, final unless the caller quit first, and the transcript).
 */
export function createJsonChatView(write: (text: string) => void): ChatView {
  const emit = (event: Record<string, unknown>) => write(`${JSON.stringify(event)}\n`);
  const grade = (g: CallGrade, provisional: boolean) => ({ ...g, provisional });
  return {
    begin(script, file) {
      emit({ type: 'begin', file, script: script.name, language: script.language });
    },
    heard() {},
    robot(result) {
      emit(robotEvent(result));
    },
    understood({ state, output }, input, provisional) {
      emit({
        type: 'understood',
        elapsed: elapsed(state, input.at),
        input: callerInput(input),
        kind: output.understood?.kind ?? null,
        match: output.understood?.match ?? null,
        node: state.nodeId,
        grade: grade(provisional, true),
      });
    },
    state(state, provisional) {
      emit({
        type: 'state',
        node: state.nodeId,
        counters: state.counters,
        retries: state.retries,
        hits: state.hits,
        tags: state.tags,
        visited: state.visited,
        variables: state.variables,
        grade: grade(provisional, true),
      });
    },
    notice(message) {
      emit({ type: 'notice', message });
    },
    end(state, g) {
      emit({
        type: 'end',
        ended: state.ended,
        node: state.nodeId,
        transferTo: state.transferTo,
        elapsed: elapsed(state, state.lastAt),
        counters: state.counters,
        grade: grade(g, state.ended === null),
        transcript: state.transcript.map((t) => ({ ...t, elapsed: elapsed(state, t.at) })),
      });
    },
  };
}
