import { OutdialError } from '../../core/errors.js';
import type { JobGroup } from '../../core/types.js';

/** ILLEGAL_TRANSITION naming the group's current status and what was asked. */
export const illegalTransition = (group: JobGroup, asked: string): OutdialError =>
  new OutdialError(
    'ILLEGAL_TRANSITION',
    `jobGroupId: job group ${group.id} is ${group.status}: it cannot be ${asked}`,
    {
      field: 'jobGroupId',
      status: group.status,
    },
  );
