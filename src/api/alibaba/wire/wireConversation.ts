import type { TaskRobotResult, TranscriptLine } from '../../../core/events.js';

/** What the robot did with a line (the vendor's `Action`). */
export const ConversationAction = { Broadcast: 'Broadcast', Hangup: 'Hangup', Transfer: 'Transfer' } as const;

/**
 * A Task's `Conversation[]`: the robot's dialogue, one item per line in order. `SequenceId` is the line's
 * number in the call, `Timestamp` its instant (UTC ms). The robot's lines are `Broadcast`; when the call
 * ends on a robot line and the robot ended it, that line is `Hangup` (`ActionParams` `{"endReason":…}`) or
 * `Transfer` (`{"transferTo":…}`). The contact's lines have no Action; their ActionParams tell how the robot
 * understood them: `{"kind":"knowledge","intent":"price","words":["多少钱"]}` (kind as in the transcript:
 * branch, global, knowledge, noMatch, silence, ignored, hangup). The deprecated per-line `Summary` is empty.
 */
export function wireConversation(robot: TaskRobotResult | null) {
  if (!robot) return [];
  const lastIndex = robot.transcript.length - 1;
  return robot.transcript.map((line, i) => {
    const { action, params } = line.speaker === 'robot' ? robotAction(robot, i === lastIndex) : contactAction(line);
    return {
      Speaker: line.speaker === 'robot' ? 'Robot' : 'Contact',
      Script: line.text,
      Timestamp: line.at,
      SequenceId: String(line.seq),
      Action: action,
      ActionParams: JSON.stringify(params),
      Summary: [] as { SummaryName: string; Content: string; Category: string }[],
    };
  });
}

function robotAction(robot: TaskRobotResult, isLast: boolean): { action: string; params: object } {
  const end = robot.endReason;
  if (!isLast || end === null || end === 'callerHungUp') return { action: ConversationAction.Broadcast, params: {} };
  if (end === 'transferred') return { action: ConversationAction.Transfer, params: { transferTo: robot.transferTo } };
  return { action: ConversationAction.Hangup, params: { endReason: end } };
}

function contactAction(line: TranscriptLine): { action: string; params: object } {
  return {
    action: '',
    params: {
      kind: line.kind ?? '',
      ...(line.intent !== undefined ? { intent: line.intent } : {}),
      ...(line.words !== undefined ? { words: line.words } : {}),
    },
  };
}
