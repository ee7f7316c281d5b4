import type { JobGroup, JobGroupProgress } from '../../../core/types.js';
import { wireProgressDescribe, wireProgressList } from './wireProgress.js';
import { wireRecallStrategy, wireStrategy } from './wireStrategy.js';

export interface JobGroupExtra {
  /** The caller numbers of the group's lines, in failover order. */
  callingNumbers: string[];
  progress?: JobGroupProgress;
  scriptName?: string;
}

/**
 * Which action's JobGroup: `describe` (DescribeJobGroup: everything, with Progress), `list` (a
 * ListJobGroups item: Progress in the other spelling, a reduced Strategy, TotalCallNum) or `modify`
 * (CreateJobGroup and ModifyJobGroup: no Progress, FlashSmsExtras as a string).
 */
export type JobGroupVariant = 'describe' | 'list' | 'modify';

const noProgress = (g: JobGroup): JobGroupProgress => ({
  jobGroupId: g.id,
  status: g.status,
  totalJobs: 0,
  jobsByStatus: { Scheduling: 0, Executing: 0, Succeeded: 0, Paused: 0, Failed: 0, Cancelled: 0 },
  failureReasons: {},
  tasksByStatus: {},
  attempts: 0,
  answered: 0,
  answerRate: 0,
  talkSeconds: 0,
  firstCallAt: null,
  lastCallEndAt: null,
  startedAt: g.startedAt,
  finishedAt: g.finishedAt,
});

function common(group: JobGroup, extra: JobGroupExtra) {
  return {
    JobGroupId: group.id,
    JobGroupName: group.name,
    JobGroupDescription: group.description,
    Status: group.status,
    CreationTime: group.createdAt,
    ModifyTime: String(group.modifiedAt),
    ScriptId: group.scriptId ?? '',
    ScriptName: extra.scriptName ?? '',
    ScriptVersion: group.scriptVersion === null ? '' : String(group.scriptVersion),
    MinConcurrency: group.concurrency,
    JobDataParsingTaskId: '',
    ExportProgress: { FileHttpUrl: '', Progress: '', Status: '' },
  };
}

function listItem(group: JobGroup, extra: JobGroupExtra) {
  const progress = extra.progress ?? noProgress(group);
  return {
    ...common(group, extra),
    Progress: wireProgressList(progress),
    Strategy: { StartTime: group.strategy.startTime ?? 0, EndTime: group.strategy.endTime ?? 0 },
    TotalCallNum: progress.attempts,
  };
}

function modified(group: JobGroup, extra: JobGroupExtra) {
  return {
    ...common(group, extra),
    ScenarioId: group.scriptId ?? '',
    CallingNumbers: [...extra.callingNumbers],
    RecallCallingNumbers: [] as string[],
    RingingDuration: group.ringingDuration,
    Priority: group.priority,
    JobFilePath: '',
    RecallStrategy: wireRecallStrategy(group.recallStrategy),
    Strategy: wireStrategy(group.strategy),
    FlashSmsExtras: '',
  };
}

function described(group: JobGroup, extra: JobGroupExtra) {
  return {
    ...modified(group, extra),
    ScriptNluEngine: '',
    FlashSmsExtras: { ConfigId: '', TemplateId: '' },
    Result: { ClientHangupNum: 0, FinishedNum: 0, NoInteractNum: 0, TimeoutHangupNum: 0, UnrecognizedNum: 0 },
    Progress: wireProgressDescribe(extra.progress ?? noProgress(group)),
  };
}

/**
 * A job group as the vendor's JobGroup object. Its lines' caller numbers are `CallingNumbers`; the
 * group's concurrency is the nearest vendor field, `MinConcurrency`. Fields Outdial has no value for
 * (flash SMS, job files) are empty; without `progress`, Progress counts are zero.
 */
export function wireJobGroup(group: JobGroup, extra: JobGroupExtra, variant: 'describe'): ReturnType<typeof described>;
export function wireJobGroup(group: JobGroup, extra: JobGroupExtra, variant: 'list'): ReturnType<typeof listItem>;
export function wireJobGroup(group: JobGroup, extra: JobGroupExtra, variant: 'modify'): ReturnType<typeof modified>;
export function wireJobGroup(
  group: JobGroup,
  extra: JobGroupExtra,
  variant: JobGroupVariant,
): ReturnType<typeof described> | ReturnType<typeof listItem> | ReturnType<typeof modified>;
export function wireJobGroup(group: JobGroup, extra: JobGroupExtra, variant: JobGroupVariant) {
  if (variant === 'list') return listItem(group, extra);
  if (variant === 'modify') return modified(group, extra);
  return described(group, extra);
}
