import { taskStatusName } from '../core/enums.js';
import type { TaskRobotResult, TranscriptLine } from '../core/events.js';
import type { CompiledScript } from '../robot/compileScript.js';
import { gradeCall } from '../robot/grading/gradeCall.js';
import type { TranscriptTurn } from '../robot/runtime/types.js';
import type { DialResult } from '../telephony/port.js';

/** The robot a call ran: a published script version, compiled. */
export interface CallRobot {
  script: CompiledScript;
  version: number;
}

/**
 * What the robot made of a call: its conversation and grade when it talked; for a call nobody answered,
 * the grade of the call's status alone (BaiYing grades unanswered calls too: D busy/no answer, E failed).
 */
export function robotOutcome(robot: CallRobot, result: DialResult): TaskRobotResult {
  const base = { scriptVersion: robot.version, transferTo: null, transcript: [], rounds: 0 };
  if (result.conversation) {
    const { state, grade } = result.conversation;
    return {
      ...base,
      level: grade.level,
      label: grade.label,
      rule: grade.rule,
      tags: grade.tags,
      endReason: state.ended,
      rounds: state.counters.rounds,
      transferTo: state.transferTo,
      transcript: state.transcript.map(transcriptLine),
    };
  }
  if (result.answeredAt !== null && result.robotError !== undefined) {
    return { ...base, level: null, label: '', rule: result.robotError, tags: [], endReason: 'error' };
  }
  const grade = gradeCall(robot.script, null, {
    answered: result.answeredAt !== null,
    status: taskStatusName(result.status),
    talkSeconds: Math.round(result.talkDuration / 1000),
  });
  return { ...base, level: grade.level, label: grade.label, rule: grade.rule, tags: grade.tags, endReason: null };
}

function transcriptLine(t: TranscriptTurn): TranscriptLine {
  return {
    seq: t.seq,
    speaker: t.speaker,
    text: t.text,
    at: t.at,
    nodeId: t.nodeId,
    ...(t.kind ? { kind: t.kind } : {}),
    ...(t.match ? { intent: t.match.intent, words: t.match.words } : {}),
  };
}
