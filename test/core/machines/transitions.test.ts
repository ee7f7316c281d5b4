import { describe, expect, it } from 'vitest';
import { JobStatus, TaskStatus } from '../../../src/core/enums.js';
import { OutdialError } from '../../../src/core/errors.js';
import {
  assertJobTransition,
  canTransitionJob,
  jobStatusesLeadingTo,
} from '../../../src/core/machines/jobTransitions.js';
import { assertTaskTransition } from '../../../src/core/machines/taskTransitions.js';

const all = Object.values(JobStatus);

describe('job state machine', () => {
  it('never leaves a final status', () => {
    for (const from of [JobStatus.Succeeded, JobStatus.Failed, JobStatus.Cancelled]) {
      for (const to of all) expect(canTransitionJob(from, to)).toBe(false);
    }
  });

  it('reaches Succeeded only through an answered call: in flight, or recorded while the job was paused', () => {
    expect(jobStatusesLeadingTo(JobStatus.Succeeded)).toEqual([JobStatus.Executing, JobStatus.Paused]);
    expect(jobStatusesLeadingTo(JobStatus.Executing)).toEqual([JobStatus.Scheduling, JobStatus.Paused]);
  });

  it('refuses an illegal move with a stable code and both names', () => {
    try {
      assertJobTransition(JobStatus.Succeeded, JobStatus.Scheduling);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OutdialError);
      expect((e as OutdialError).code).toBe('ILLEGAL_TRANSITION');
      expect((e as OutdialError).details).toEqual({ from: 'Succeeded', to: 'Scheduling' });
    }
    expect(() => assertJobTransition(JobStatus.Paused, JobStatus.Scheduling)).not.toThrow();
  });
});

describe('task state machine', () => {
  it('ends exactly once', () => {
    expect(() => assertTaskTransition(TaskStatus.Executing, TaskStatus.Busy)).not.toThrow();
    expect(() => assertTaskTransition(TaskStatus.Busy, TaskStatus.Succeeded)).toThrow(OutdialError);
    expect(() => assertTaskTransition(TaskStatus.Executing, TaskStatus.Executing)).toThrow(/cannot go from Executing/);
  });
});
