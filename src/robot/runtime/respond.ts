import type { Branch, Global, Knowledge, ScriptNode } from '../script/model.js';
import { enterTarget, repeatLastTurn, returnToListening } from './enterNode.js';
import { endCall, hear, speak, type Turn } from './turn.js';
import type { TurnInput } from './types.js';

type AskNode = Extract<ScriptNode, { type: 'ask' }>;

/** What the robot will do about the caller's turn, decided before it does it. */
export type Plan =
  | { kind: 'hangup' | 'ignored' }
  | { kind: 'retry'; retry: 'noInput' | 'noMatch' }
  | { kind: 'branch'; branch: Branch }
  | { kind: 'knowledge'; answer: Knowledge }
  | { kind: 'global'; global: Global };

/** Without a rule on the node: say the prompt again up to this many times, then hang up. */
const DEFAULT_RETRIES = 2;

function heardText(input: TurnInput): string {
  if (input.kind === 'text') return input.text;
  if (input.kind === 'dtmf') return `[dtmf ${input.digits}]`;
  return '';
}

function countHit(turn: Turn, intent: string): void {
  const { state, compiled } = turn;
  if (!state.hits.includes(intent)) state.hits.push(intent);
  const semantic = compiled.script.intents[intent]?.semantic;
  if (semantic === 'positive') state.counters.affirmatives += 1;
  else if (semantic === 'negative') state.counters.refusals += 1;
}

/**
 * Understands the caller's turn on ask node `node`: records it in the transcript, updates the
 * counters and hits, and says what to do. A matched intent is the node's branch, else a knowledge
 * answer, else a global intent.
 */
export function understand(turn: Turn, node: AskNode, input: TurnInput): Plan {
  const { state, compiled } = turn;
  const heard = heardText(input);
  if (input.kind === 'hangup') {
    hear(turn, heard, 'hangup');
    return { kind: 'hangup' };
  }
  if (input.kind === 'silence') {
    state.counters.silences += 1;
    hear(turn, heard, 'silence');
    return { kind: 'retry', retry: 'noInput' };
  }
  if (input.kind === 'text' && input.interrupted === true) {
    state.counters.interruptions += 1;
    if (!(node.bargeIn ?? compiled.script.options.bargeIn)) {
      hear(turn, heard, 'ignored');
      return { kind: 'ignored' };
    }
  }
  const match = compiled.matcher.match(
    input.kind === 'text' ? { kind: 'text', text: input.text } : { kind: 'dtmf', digits: input.digits },
    compiled.candidates.get(state.nodeId) ?? [],
  );
  if (match !== null) {
    const branch = compiled.branches.get(state.nodeId)?.get(match.intent);
    const answer = branch === undefined ? compiled.knowledge.get(match.intent) : undefined;
    const global = branch === undefined && answer === undefined ? compiled.globals.get(match.intent) : undefined;
    const plan: Plan | null =
      branch !== undefined
        ? { kind: 'branch', branch }
        : answer !== undefined
          ? { kind: 'knowledge', answer }
          : global !== undefined
            ? { kind: 'global', global }
            : null;
    if (plan !== null) {
      countHit(turn, match.intent);
      hear(turn, heard, plan.kind, match);
      if (plan.kind === 'knowledge') {
        state.counters.knowledgeHits += 1;
        if (plan.answer.business) state.counters.businessHits += 1;
      }
      return plan;
    }
  }
  state.counters.noMatches += 1;
  hear(turn, heard, 'noMatch');
  return { kind: 'retry', retry: 'noMatch' };
}

/** Silence or an answer not understood: the next retry prompt, or the rule's `then` when used up. */
function retry(turn: Turn, node: AskNode, kind: 'noInput' | 'noMatch'): void {
  const { state } = turn;
  const rule = node[kind];
  const reason = kind === 'noInput' ? 'silence' : 'noMatch';
  state.retries[kind] += 1;
  const used = state.retries[kind];
  if (used > (rule?.retries ?? DEFAULT_RETRIES)) {
    if (rule === undefined) endCall(turn, reason);
    else enterTarget(turn, rule.then, reason);
    return;
  }
  const prompts = rule?.say ?? [];
  speak(turn, state.nodeId, prompts[(used - 1) % Math.max(prompts.length, 1)] ?? node.say);
  turn.action = 'listen';
}

/** Counts a branch or global taken; past its limit goes to `exceeded`, else ends with `maxRounds`. */
function withinLimit(turn: Turn, key: string, limit: { maxRepeats?: number; exceeded?: string }): boolean {
  const { state, compiled } = turn;
  const count = (state.repeats[key] ?? 0) + 1;
  state.repeats[key] = count;
  if (count <= (limit.maxRepeats ?? compiled.script.options.maxBranchRepeats)) return true;
  if (limit.exceeded === undefined) endCall(turn, 'maxRounds');
  else enterTarget(turn, limit.exceeded, 'completed');
  return false;
}

/** Leaves the interrupted node for `target` (remembering it for `return`), or goes back to it. */
function jump(turn: Turn, target: string): void {
  if (target === 'return') {
    returnToListening(turn);
    return;
  }
  turn.state.returnTo = turn.listeningNode;
  enterTarget(turn, target, 'completed');
}

/** Does what `plan` says, on ask node `node`. */
export function act(turn: Turn, node: AskNode, plan: Plan): void {
  const { state } = turn;
  const nodeId = turn.listeningNode;
  switch (plan.kind) {
    case 'hangup':
      state.ended = 'callerHungUp';
      turn.action = 'hangup';
      return;
    case 'ignored':
      turn.action = 'listen';
      return;
    case 'retry':
      retry(turn, node, plan.retry);
      return;
    case 'branch': {
      const { branch } = plan;
      if (!withinLimit(turn, `${nodeId}:${branch.intent}`, branch)) return;
      if (branch.say !== undefined) speak(turn, nodeId, branch.say);
      enterTarget(turn, branch.goto, 'completed');
      return;
    }
    case 'knowledge':
      speak(turn, nodeId, plan.answer.answer);
      jump(turn, plan.answer.then);
      return;
    case 'global': {
      const { global } = plan;
      if (!withinLimit(turn, `global:${global.intent}`, global)) return;
      if (global.say !== undefined) speak(turn, nodeId, global.say);
      if (global.goto === 'repeat') repeatLastTurn(turn);
      else jump(turn, global.goto);
      return;
    }
  }
}
