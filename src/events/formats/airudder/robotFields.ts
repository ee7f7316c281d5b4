import type { TaskRobotResult } from '../../../core/events.js';

/**
 * The PDS fields that an agent seat fills, which Outdial's voice robot takes: on a contact the talk result
 * and remarks, the dispositions (`customizeResults`) and the agent's name; on a task the
 * agent group, the agents registered and the talk-result tally.
 */
export interface RobotContactFields {
  agentName: string;
  talkResult: string;
  talkremarks: string;
  customizeResults: { title: string; value: string }[];
}

export interface RobotTaskFields {
  groupName: string;
  registeredCount: number;
  displayTalkResult: string;
  talkResultCount: number;
}

/** `customizeResults` titles: the robot's grade as two dispositions. */
export const CUSTOMIZE_RESULT_TITLES = { level: 'Level', tags: 'Tags' } as const;

/**
 * A contact's robot fields from its call's robot result. `talkResult` is the level's label
 * (`A(有明确意向)`, `A (clear interest)`), `talkremarks` the level rule that fired (or why the robot could not
 * talk), and `customizeResults` the level letter (`Level`, '' when there is none) and the tags (`Tags`,
 * comma-separated, '' when none): one entry per title, as dispositions are read by title. Without a robot
 * result (no script, or no call yet) everything is empty. No agent answers.
 */
export function robotContactFields(robot: TaskRobotResult | null = null): RobotContactFields {
  return {
    agentName: '',
    talkResult: robot?.label ?? '',
    talkremarks: robot?.rule ?? '',
    customizeResults: robot
      ? [
          { title: CUSTOMIZE_RESULT_TITLES.level, value: robot.level ?? '' },
          { title: CUSTOMIZE_RESULT_TITLES.tags, value: robot.tags.join(',') },
        ]
      : [],
  };
}

/**
 * A task's (job group's) robot fields. A group event carries no call results to tally, and no agents
 * register, so they stay empty, typed as the seed types them.
 */
export const robotTaskFields = (): RobotTaskFields => ({
  groupName: '',
  registeredCount: 0,
  displayTalkResult: '',
  talkResultCount: 0,
});
