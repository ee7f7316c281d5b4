import type { CompiledScript } from '../compileScript.js';
import type { IntentMatch } from '../match/types.js';
import { fillVariables } from '../script/variables.js';
import type { EndReason, MatchKind, RobotOutput, SessionState, StepResult, TranscriptTurn } from './types.js';

/**
 * One robot step being worked out: a private copy of the state that the step changes freely,
 * and what the robot will do. Finished into a StepResult, so the caller's state is never touched.
 */
export interface Turn {
  compiled: CompiledScript;
  state: SessionState;
  /** The node the robot was listening on when the step began (the start node when the call begins). */
  listeningNode: string;
  /** Transcript length when the step began: lines before it are earlier turns. */
  startSeq: number;
  at: number;
  say: string[];
  action: RobotOutput['action'];
  understood?: { kind: MatchKind; match?: IntentMatch };
}

export function copyState(state: SessionState): SessionState {
  return {
    ...state,
    variables: { ...state.variables },
    counters: { ...state.counters },
    repeats: { ...state.repeats },
    retries: { ...state.retries },
    visited: [...state.visited],
    hits: [...state.hits],
    tags: [...state.tags],
    transcript: [...state.transcript],
  };
}

export function beginTurn(compiled: CompiledScript, state: SessionState, at: number): Turn {
  const copy = copyState(state);
  copy.lastAt = at;
  return {
    compiled,
    state: copy,
    listeningNode: state.nodeId,
    startSeq: state.transcript.length,
    at,
    say: [],
    action: 'listen',
  };
}

/** A copy to go back to if the step's outcome is replaced (see the maxRounds cut). */
export function snapshotTurn(turn: Turn): Turn {
  return { ...turn, state: copyState(turn.state), say: [...turn.say] };
}

function record(turn: Turn, line: Omit<TranscriptTurn, 'seq' | 'at'>): void {
  turn.state.transcript.push({ seq: turn.state.transcript.length, at: turn.at, ...line });
}

/** Speaks `text` (variables filled) as said at `nodeId`. */
export function speak(turn: Turn, nodeId: string, text: string): void {
  speakFilled(turn, nodeId, fillVariables(text, turn.state.variables));
}

export function speakFilled(turn: Turn, nodeId: string, text: string): void {
  turn.say.push(text);
  record(turn, { speaker: 'robot', text, nodeId });
}

/** Records the caller's turn and how it was understood. */
export function hear(turn: Turn, text: string, kind: MatchKind, match?: IntentMatch): void {
  const line: Omit<TranscriptTurn, 'seq' | 'at'> = { speaker: 'contact', text, nodeId: turn.state.nodeId, kind };
  if (match !== undefined) line.match = match;
  record(turn, line);
  turn.understood = match === undefined ? { kind } : { kind, match };
}

/** Ends the robot's part of the call where it stands. */
export function endCall(turn: Turn, reason: EndReason): void {
  turn.state.ended = reason;
  turn.action = 'hangup';
}

export function finishTurn(turn: Turn): StepResult {
  const { state, compiled } = turn;
  if (turn.say.length > 0) state.counters.rounds += 1;
  state.counters.nodesPassed = state.visited.length;
  const node = compiled.nodes.get(state.nodeId);
  const output: RobotOutput = {
    say: turn.say,
    action: turn.action,
    bargeIn: node?.bargeIn ?? compiled.script.options.bargeIn,
    silenceTimeoutMs: compiled.script.options.silenceTimeoutMs,
  };
  if (turn.understood !== undefined) output.understood = turn.understood;
  return { state, output };
}
