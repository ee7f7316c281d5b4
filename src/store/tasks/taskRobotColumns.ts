import type { TaskRobotResult } from '../../core/events.js';
import type { TaskRow } from '../schema.js';

export type TaskRobotColumns = Pick<
  TaskRow,
  'script_version' | 'level' | 'level_rule' | 'tags' | 'conversation' | 'robot_end'
>;

/** The part of the robot's result that lives in the `conversation` column. */
interface StoredConversation {
  label: string;
  rounds: number;
  transferTo: string | null;
  transcript: TaskRobotResult['transcript'];
}

/** A task's robot result as its columns (level, rule and tags queryable; the dialogue as JSON). */
export function taskRobotColumns(r: TaskRobotResult): TaskRobotColumns {
  const conversation: StoredConversation = {
    label: r.label,
    rounds: r.rounds,
    transferTo: r.transferTo,
    transcript: r.transcript,
  };
  return {
    script_version: r.scriptVersion,
    level: r.level,
    level_rule: r.rule,
    tags: JSON.stringify(r.tags),
    conversation: JSON.stringify(conversation),
    robot_end: r.endReason,
  };
}

/** The robot result of a task row; null when no robot was on the call's group. */
export function taskRobotResult(row: TaskRobotColumns): TaskRobotResult | null {
  if (row.script_version === null) return null;
  const c: StoredConversation = row.conversation
    ? (JSON.parse(row.conversation) as StoredConversation)
    : { label: '', rounds: 0, transferTo: null, transcript: [] };
  return {
    scriptVersion: row.script_version,
    level: row.level,
    label: c.label,
    rule: row.level_rule ?? '',
    tags: row.tags ? (JSON.parse(row.tags) as string[]) : [],
    endReason: row.robot_end,
    rounds: c.rounds,
    transferTo: c.transferTo,
    transcript: c.transcript,
  };
}
