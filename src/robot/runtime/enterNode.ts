import { RobotError } from '../errors.js';
import type { ScriptNode } from '../script/model.js';
import { fillVariables } from '../script/variables.js';
import { endCall, speak, speakFilled, type Turn } from './turn.js';
import type { EndReason } from './types.js';

function nodeAt(turn: Turn, id: string): ScriptNode {
  const node = turn.compiled.nodes.get(id);
  if (node === undefined) throw new RobotError('UNKNOWN_NODE', `the script has no node '${id}'`);
  return node;
}

function arrive(turn: Turn, id: string, node: ScriptNode): void {
  const { state } = turn;
  state.nodeId = id;
  if (!state.visited.includes(id)) state.visited.push(id);
  for (const tag of node.tags) if (!state.tags.includes(tag)) state.tags.push(tag);
  for (const [name, value] of Object.entries(node.set)) state.variables[name] = fillVariables(value, state.variables);
}

/**
 * Enters `target` (a node id or `return`) and follows say nodes until the robot listens, transfers
 * or hangs up, all in this one step. A hangup node reached ends the call with `reason`. A say-node
 * cycle is cut with `maxRounds` so one step always ends.
 */
export function enterTarget(turn: Turn, target: string, reason: EndReason): void {
  const seen = new Set<string>();
  let next = target;
  for (;;) {
    let id = next;
    let returning = false;
    if (id === 'return' || id === 'repeat') {
      id = turn.state.returnTo ?? turn.listeningNode;
      turn.state.returnTo = null;
      returning = true;
    }
    if (seen.has(id)) {
      endCall(turn, 'maxRounds');
      return;
    }
    seen.add(id);
    const node = nodeAt(turn, id);
    arrive(turn, id, node);
    switch (node.type) {
      case 'say':
        speak(turn, id, node.say);
        next = node.goto;
        continue;
      case 'ask':
        speak(turn, id, node.say);
        // Coming back to the node that was interrupted keeps its retry counts.
        if (!(returning && id === turn.listeningNode)) turn.state.retries = { noInput: 0, noMatch: 0 };
        turn.action = 'listen';
        return;
      case 'transfer':
        if (node.say !== undefined) speak(turn, id, node.say);
        turn.state.ended = 'transferred';
        turn.state.transferTo = fillVariables(node.target, turn.state.variables);
        turn.action = 'transfer';
        return;
      case 'hangup':
        if (node.say !== undefined) speak(turn, id, node.say);
        endCall(turn, reason);
        return;
    }
  }
}

/** Re-enters the node the caller interrupted (knowledge or global `return`): same retries, prompt again. */
export function returnToListening(turn: Turn): void {
  const saved = turn.state.returnTo;
  turn.state.returnTo = turn.listeningNode;
  enterTarget(turn, 'return', 'completed');
  turn.state.returnTo = saved;
}

/** Says again what the robot said in its last turn (the caller asked to repeat) and keeps listening. */
export function repeatLastTurn(turn: Turn): void {
  const lines = turn.state.transcript;
  let end = turn.startSeq - 1;
  while (end >= 0 && lines[end]?.speaker === 'contact') end -= 1;
  let start = end;
  while (start > 0 && lines[start - 1]?.speaker === 'robot') start -= 1;
  const last = start >= 0 ? lines.slice(start, end + 1) : [];
  if (last.length === 0) {
    returnToListening(turn);
    return;
  }
  for (const line of last) speakFilled(turn, line.nodeId, line.text);
  turn.action = 'listen';
}
