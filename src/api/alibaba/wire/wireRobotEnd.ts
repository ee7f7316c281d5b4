import type { TaskRobotResult } from '../../../core/events.js';

/**
 * A Task's `EndReason` (LatestTask `TaskEndReason`) by how the robot's part of the call ended. `FINISHED`,
 * the vendor's documented value, is a conversation that reached the end of its flow; the others are this
 * face's words in the same style. An answered call without a robot is `FINISHED`; an unanswered one ''.
 */
export const END_REASON_BY_ROBOT_END: Readonly<Record<string, string>> = {
  completed: 'FINISHED',
  transferred: 'TRANSFERRED',
  callerHungUp: 'CLIENT_HANGUP',
  silence: 'SILENCE_TIMEOUT',
  noMatch: 'NO_MATCH',
  maxRounds: 'MAX_ROUNDS',
  error: 'ERROR',
};

export function taskEndReason(answered: boolean, robot: TaskRobotResult | null): string {
  if (!answered) return '';
  const end = robot?.endReason;
  return end ? (END_REASON_BY_ROBOT_END[end] ?? 'FINISHED') : 'FINISHED';
}

/** The robot ended its part of the call (hung up or handed it over) rather than the customer. */
export const robotEndedCall = (robot: TaskRobotResult | null): boolean =>
  robot?.endReason != null && robot.endReason !== 'callerHungUp';

/**
 * Who hung up, in the two spellings the vendor's SDK documents: a Task's `HangUpDirection` is `client`
 * (the customer) or `ivr` (the robot); QueryJobsWithResult's LatestTask names the side, `被叫用户` (the
 * callee) as its example, and `机器人` for the robot. '' when no robot talked.
 */
export function hangUpDirection(robot: TaskRobotResult | null, spelling: 'code' | 'label'): string {
  if (robot?.endReason == null) return '';
  const byClient = robot.endReason === 'callerHungUp';
  if (spelling === 'code') return byClient ? 'client' : 'ivr';
  return byClient ? '被叫用户' : '机器人';
}

/** The robot's last prompt played in full: the robot ended the call itself, after speaking (not on an error). */
export const lastPromptCompleted = (robot: TaskRobotResult | null): boolean =>
  robotEndedCall(robot) && robot?.endReason !== 'error';

/** The robot reached a hangup or transfer node: the end of the script's flow. */
export const reachedEndOfFlow = (robot: TaskRobotResult | null): boolean =>
  robot?.endReason === 'completed' || robot?.endReason === 'transferred';
