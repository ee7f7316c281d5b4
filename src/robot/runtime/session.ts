import type { CompiledScript } from '../compileScript.js';
import { RobotError } from '../errors.js';
import { enterTarget } from './enterNode.js';
import { resolveVariables } from './resolveVariables.js';
import { act, understand } from './respond.js';
import { beginTurn, endCall, finishTurn, snapshotTurn, type Turn } from './turn.js';
import type { SessionState, StepResult, TurnInput } from './types.js';

/** Runs `action`; a prompt using a variable no node has set yet ends the call instead (`error`). */
function guarded(turn: Turn, action: (turn: Turn) => void): Turn {
  const before = snapshotTurn(turn);
  try {
    action(turn);
    return turn;
  } catch (err) {
    if (!(err instanceof RobotError && err.code === 'MISSING_VARIABLE')) throw err;
    endCall(before, 'error');
    return before;
  }
}

/**
 * Starts a call at `at`: fills the job's variables (declared fallbacks for missing ones; RobotError
 * `MISSING_VARIABLE` when a declared variable has neither) and speaks up to the first listen.
 */
export function startSession(
  compiled: CompiledScript,
  variables: Readonly<Record<string, string>>,
  at: number,
): StepResult {
  const { script } = compiled;
  const state: SessionState = {
    scriptName: script.name,
    nodeId: script.start,
    returnTo: null,
    variables: resolveVariables(script.variables, variables),
    counters: {
      affirmatives: 0,
      refusals: 0,
      businessHits: 0,
      knowledgeHits: 0,
      silences: 0,
      noMatches: 0,
      interruptions: 0,
      rounds: 0,
      nodesPassed: 0,
    },
    repeats: {},
    retries: { noInput: 0, noMatch: 0 },
    visited: [],
    hits: [],
    tags: [],
    transcript: [],
    startedAt: at,
    lastAt: at,
    ended: null,
    transferTo: null,
  };
  const turn = beginTurn(compiled, state, at);
  return finishTurn(guarded(turn, (t) => enterTarget(t, script.start, 'completed')));
}

/**
 * Takes the caller's turn and returns what the robot does next; `state` is not changed. After
 * `options.maxRounds` robot turns, an answer that would keep the call going is replaced by
 * `options.onMaxRounds` (or the call ends with `maxRounds`); the caller's turn still counts.
 * Throws RobotError `SESSION_ENDED` once the call has ended.
 */
export function step(compiled: CompiledScript, state: SessionState, input: TurnInput): StepResult {
  if (state.ended !== null) {
    throw new RobotError('SESSION_ENDED', `the session already ended (${state.ended}); start a new one`);
  }
  const node = compiled.nodes.get(state.nodeId);
  if (node?.type !== 'ask') {
    throw new RobotError('INVALID_STATE', `the session is not listening on an ask node ('${state.nodeId}')`);
  }
  const turn = beginTurn(compiled, state, input.at);
  const plan = understand(turn, node, input);
  const atLimit = state.counters.rounds >= compiled.script.options.maxRounds ? snapshotTurn(turn) : null;
  const acted = guarded(turn, (t) => act(t, node, plan));
  if (atLimit === null || acted.action !== 'listen' || acted.say.length === 0) return finishTurn(acted);
  const onMaxRounds = compiled.script.options.onMaxRounds;
  return finishTurn(
    guarded(atLimit, (t) =>
      onMaxRounds === undefined ? endCall(t, 'maxRounds') : enterTarget(t, onMaxRounds, 'maxRounds'),
    ),
  );
}
