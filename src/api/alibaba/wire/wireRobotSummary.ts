import type { TaskRobotResult } from '../../../core/events.js';

/**
 * How the robot's grade reads on this face. A Job's `Summary[]` holds one item named `IntentLevel` whose
 * Content is the level letter (`A`–`F`), then one item named `Tag` per tag, Content the tag; `Category`
 * (deprecated) is ''. `TagHits[]` (QueryJobs, QueryJobsWithResult) says the same with TagGroup/TagName.
 * Nothing when the robot gave no grade or the group runs no script.
 */
export const SummaryName = { IntentLevel: 'IntentLevel', Tag: 'Tag' } as const;

function gradeItems(robot: TaskRobotResult | null): { name: string; value: string }[] {
  if (!robot) return [];
  return [
    ...(robot.level === null ? [] : [{ name: SummaryName.IntentLevel, value: robot.level }]),
    ...robot.tags.map((tag) => ({ name: SummaryName.Tag, value: tag })),
  ];
}

export function wireSummary(robot: TaskRobotResult | null) {
  return gradeItems(robot).map((g) => ({ SummaryName: g.name, Content: g.value, Category: '' }));
}

export function wireTagHits(robot: TaskRobotResult | null) {
  return gradeItems(robot).map((g) => ({ TagGroup: g.name, TagName: g.value }));
}
