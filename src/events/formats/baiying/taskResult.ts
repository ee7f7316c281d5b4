import type { TaskRobotResult } from '../../../core/events.js';
import { classicLevelName, levelWording } from './intentLevel.js';
import { tagKey } from './tagKey.js';

/** BaiYing's analysis type of both results, as the seed example gives it. */
export const ANALYZE_TYPE = 'DYNAMIC_ANALYZE_USER_LEVEL';
export const LEVEL_RESULT_NAME = '客户意向等级';
export const TAGS_RESULT_NAME = '客户标签';

/** Where the results belong: the call (task), its job group and the tenant, and when they were made (China time). */
export interface ResultOwner {
  taskId: string;
  instanceId: string;
  jobGroupId: string;
  madeAt: string;
}

/**
 * `taskResult[]` of a graded call: the intent level (客户意向等级) when the robot gave one, then the tags
 * (客户标签) when it set any, each keyed in the seed example's order. The result ids are the task id with
 * `-level` / `-tags`: Outdial keeps no result rows, and ids are strings throughout this format.
 * Nobody re-grades by hand here, so `artificialResultValue` is the robot's value and `artificialChanged` null;
 * `extra` (BaiYing's level-config ids) has nothing to tell.
 */
export function taskResult(robot: TaskRobotResult, owner: ResultOwner) {
  return [
    ...(robot.level === null ? [] : [levelResult(robot.level, robot, owner)]),
    ...(robot.tags.length === 0 ? [] : [tagsResult(robot.tags, owner)]),
  ];
}

function levelResult(level: string, robot: TaskRobotResult, o: ResultOwner) {
  const name = classicLevelName(level);
  return {
    sceneInstanceResultId: `${o.taskId}-level`,
    companyId: o.instanceId,
    callJobId: o.jobGroupId,
    sceneInstanceId: o.taskId,
    resultName: LEVEL_RESULT_NAME,
    resultValue: name,
    artificialResultValue: name,
    artificialChanged: null,
    /** The rule that fired. */
    resultDesc: robot.rule,
    extra: null,
    analyzeType: ANALYZE_TYPE,
    gmtCreate: o.madeAt,
    gmtModified: o.madeAt,
    resultValueAlias: level,
    resultLabels: null,
    resultValueNew: levelWording(level, robot.label),
  };
}

/** The seed's tag result has no callJobId, and keeps the times last; so does this one. */
function tagsResult(tags: string[], o: ResultOwner) {
  const labels = tags.map((tag) => ({ key: tagKey(tag), value: tag }));
  return {
    sceneInstanceResultId: `${o.taskId}-tags`,
    companyId: o.instanceId,
    sceneInstanceId: o.taskId,
    resultName: TAGS_RESULT_NAME,
    /** The label keys as a JSON array, as the seed's `"[1]"` is a JSON array in a string. */
    resultValue: JSON.stringify(labels.map((l) => l.key)),
    artificialResultValue: null,
    artificialChanged: null,
    resultDesc: null,
    extra: null,
    analyzeType: ANALYZE_TYPE,
    resultValueAlias: '',
    resultLabels: labels,
    resultValueNew: '',
    gmtCreate: o.madeAt,
    gmtModified: o.madeAt,
  };
}
