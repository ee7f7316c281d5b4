import { TaskStatus, taskStatusName } from '../enums.js';
import { OutdialError } from '../errors.js';

/** A task is born Executing and ends exactly once, in any other status; an ended task never changes. */
export const canTransitionTask = (from: TaskStatus, to: TaskStatus): boolean =>
  from === TaskStatus.Executing && to !== TaskStatus.Executing;

export function assertTaskTransition(from: TaskStatus, to: TaskStatus): void {
  if (!canTransitionTask(from, to)) {
    throw new OutdialError(
      'ILLEGAL_TRANSITION',
      `a task cannot go from ${taskStatusName(from)} to ${taskStatusName(to)}`,
      {
        from: taskStatusName(from),
        to: taskStatusName(to),
      },
    );
  }
}
