import type { JobGroupStatus } from '../../../core/enums.js';
import type { JobGroupEvent } from '../../../core/events.js';
import { isoTime } from './isoTime.js';
import { type RobotTaskFields, robotTaskFields } from './robotFields.js';

/** The PDS task states (research notes §2, `querytasklist`). */
export const TASK_STATES = ['Creating', 'Not Started', 'Running', 'Paused', 'Cancelled', 'Finished'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_STATE_OF_GROUP_STATUS: Record<JobGroupStatus, TaskState> = {
  Draft: 'Creating',
  Scheduling: 'Not Started',
  Executing: 'Running',
  Paused: 'Paused',
  Completed: 'Finished',
  Cancelled: 'Cancelled',
};

export interface TaskStatusBody extends RobotTaskFields {
  taskId: string;
  taskName: string;
  startTime: string;
  actualStartTime: string;
  endTime: string;
  totalNumber: number;
  dialedNumber: number;
  answeredNumber: number;
  talkedNumber: number;
  state: TaskState;
}

/**
 * A job group as a PDS TaskStatus body (seed 002's example). `startTime` is when the strategy lets
 * dialling begin (the group's start when the strategy has none), `actualStartTime` when the group
 * started. `totalNumber` counts jobs; `dialedNumber`, `answeredNumber` and `talkedNumber` count calls,
 * as Outdial's progress does, and every answered call is a conversation (no agent queue to abandon in).
 */
export function taskStatusBody(e: JobGroupEvent): TaskStatusBody {
  const { group, progress } = e;
  const robot = robotTaskFields();
  return {
    taskId: group.id,
    taskName: group.name,
    groupName: robot.groupName,
    startTime: isoTime(group.strategy.startTime ?? group.startedAt),
    actualStartTime: isoTime(group.startedAt ?? progress.startedAt),
    endTime: isoTime(group.finishedAt ?? progress.finishedAt),
    totalNumber: progress.totalJobs,
    dialedNumber: progress.attempts,
    answeredNumber: progress.answered,
    talkedNumber: progress.answered,
    registeredCount: robot.registeredCount,
    state: TASK_STATE_OF_GROUP_STATUS[group.status] ?? 'Finished',
    displayTalkResult: robot.displayTalkResult,
    talkResultCount: robot.talkResultCount,
  };
}
