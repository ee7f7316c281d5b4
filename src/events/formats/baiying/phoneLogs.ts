import type { TaskRobotResult, TranscriptLine } from '../../../core/events.js';
import { shanghaiDateTime } from './shanghaiTime.js';

/** `answerStatus`: how the robot answered a customer's turn. */
export const AnswerStatus = {
  /** 分支: a branch of the node (or a global intent, which acts as one). */
  Branch: 0,
  /** 问题: a knowledge-base answer. */
  Question: 1,
  /** 忽略: an interruption the node did not let through. */
  Ignored: 2,
} as const;

const ANSWER_STATUS_BY_KIND: Readonly<Record<string, number>> = {
  branch: AnswerStatus.Branch,
  global: AnswerStatus.Branch,
  knowledge: AnswerStatus.Question,
  ignored: AnswerStatus.Ignored,
};

/** Where the dialogue belongs: the call (task), the tenant, and the instant the recording starts (the answer). */
export interface DialogueOwner {
  taskId: string;
  instanceId: string;
  answeredAt: number;
}

/**
 * `phoneLog.phoneLogs[]`: one entry per line of the dialogue, robot lines `AI`, the customer's `ME`, keyed
 * as the seed example. Field by field:
 * - `sceneInstanceLogId` is `<taskId>-<seq>`: unique across calls like BaiYing's row ids, in dialogue order.
 * - `decisionId` is the script node the robot was on; `robotDefId` is null as a job event names no script.
 * - `userMean` is the intent the customer's words hit ('' for silence, no match or robot lines);
 *   `userMeanDetail` the seed's JSON `[{score, answer, ask, knowledgeBaseId}]`: answer = the intent, ask =
 *   the words that hit it, score -1 (no similarity score: matching is by words), knowledgeBaseId the
 *   knowledge entry for a knowledge answer. `knowledgeBaseId` also names that entry at the top level.
 * - `aiUnknown` true when nothing matched; a boolean, as the seed example sends it (its table says 1/0).
 * - `answerStatus` 0 branch or global intent, 1 knowledge answer, 2 ignored interruption, null otherwise.
 * - `startTime`/`endTime`: ms from the answer, where the recording starts. Outdial keeps one instant per
 *   line (a robot line when it began, a customer turn when it ended), so both carry it, as the seed gives
 *   its first AI line 0 and 0.
 */
export function phoneLogs(robot: TaskRobotResult, owner: DialogueOwner) {
  return robot.transcript.map((line) => phoneLog(line, owner));
}

function userMeanDetail(intent: string, words: string[], knowledgeBaseId: string | null): string {
  return JSON.stringify([{ score: -1, answer: intent, ask: words.join(' '), knowledgeBaseId }]);
}

function phoneLog(line: TranscriptLine, o: DialogueOwner) {
  const contact = line.speaker === 'contact';
  const intent = contact ? (line.intent ?? '') : '';
  const knowledge = line.kind === 'knowledge' && intent !== '' ? intent : null;
  const offset = Math.max(0, line.at - o.answeredAt);
  const at = shanghaiDateTime(line.at);
  return {
    sceneInstanceLogId: `${o.taskId}-${line.seq}`,
    sceneInstanceId: o.taskId,
    companyId: o.instanceId,
    robotDefId: null,
    decisionId: line.nodeId,
    speaker: contact ? 'ME' : 'AI',
    content: line.text,
    userMean: intent,
    userMeanDetail: intent === '' ? null : userMeanDetail(intent, line.words ?? [], knowledge),
    aiUnknown: contact && line.kind === 'noMatch',
    answerStatus: contact ? (ANSWER_STATUS_BY_KIND[line.kind ?? ''] ?? null) : null,
    studyStatus: null,
    startTime: offset,
    endTime: offset,
    gmtCreate: at,
    gmtModified: at,
    knowledgeBaseId: knowledge,
    correctionContent: null,
  };
}
