import { JobGroupPriority } from '../../core/enums.js';
import { invalidField } from '../../core/errors.js';
import { isValidTimeZone } from '../../core/jobs/isValidTimeZone.js';
import { parseOptionalStrategy, parseRecallStrategy } from '../../core/strategy/index.js';
import type { Strategy } from '../../core/strategy/types.js';
import type { JobGroupSettings } from '../../store/jobGroups/updateJobGroupSettings.js';

/**
 * A job group's settings as a caller gives them. An absent or null field keeps its value (or takes the
 * default on creation), except scriptId (null = no script) and strategy / recallStrategy (null = the default).
 */
export interface JobGroupSettingsInput {
  name?: string;
  description?: string;
  scriptId?: string | null;
  /**
   * The script version the group runs: one that has been published. Absent or null = the script's published
   * version. Giving scriptId or scriptVersion pins the version again; otherwise the group keeps its own.
   */
  scriptVersion?: number | null;
  /** StrategyJson as the vendor writes it (object or JSON string); null or blank = dial at once, once a day. */
  strategy?: unknown;
  recallStrategy?: unknown;
  /** Line groups in failover order. */
  lineGroupIds?: string[];
  /** RingingDuration in seconds (default 25). */
  ringingDuration?: number;
  /** Concurrent calls for this group; 0 = as many as its lines carry. */
  concurrency?: number;
  priority?: string;
  timeZone?: string;
}

/** The vendor's default when no StrategyJson is given: dial at once, one attempt. */
export const DEFAULT_STRATEGY: Strategy = {
  repeatBy: 'immediate',
  repeatDays: [],
  workingTime: [],
  holidays: [],
  maxAttemptsPerDay: 1,
  minAttemptInterval: 1,
};

/**
 * Validates the fields `input` gives and lays them over `current` (an update) or over the defaults
 * (a new group, `current` null: then name and lineGroupIds are required). Throws naming the first bad
 * field; does not check that referenced line groups or scripts exist (checkJobGroupReferences does).
 * On creation, or when the input names a script or a version, `scriptVersion` is the version asked for
 * (null: the published one), which checkJobGroupReferences resolves; otherwise it is the group's own.
 */
export function parseJobGroupSettings(
  input: JobGroupSettingsInput,
  current: JobGroupSettings | null,
  defaultTimeZone: string,
): JobGroupSettings {
  const pick = <K extends keyof JobGroupSettingsInput & keyof JobGroupSettings>(k: K, byDefault?: unknown): unknown =>
    input[k] ?? current?.[k] ?? byDefault;

  const name = pick('name');
  if (typeof name !== 'string' || name.trim() === '') throw invalidField('name', 'must be a non-empty string');
  const description = pick('description', '');
  if (typeof description !== 'string') throw invalidField('description', 'must be a string');
  const scriptId = input.scriptId !== undefined ? input.scriptId : (current?.scriptId ?? null);
  if (scriptId !== null && (typeof scriptId !== 'string' || scriptId === '')) {
    throw invalidField('scriptId', 'must be a script id or null');
  }
  const repin = current === null || input.scriptId !== undefined || input.scriptVersion !== undefined;
  const scriptVersion = repin ? (input.scriptVersion ?? null) : current.scriptVersion;
  if (repin && scriptVersion !== null) {
    if (typeof scriptVersion !== 'number' || !Number.isInteger(scriptVersion) || scriptVersion < 1) {
      throw invalidField('scriptVersion', 'must be a script version number (an integer ≥ 1) or null');
    }
    if (scriptId === null) throw invalidField('scriptVersion', 'names a version of no script: give scriptId too');
  }
  const strategy =
    current && input.strategy === undefined
      ? current.strategy
      : (parseOptionalStrategy(input.strategy, 'strategy') ?? DEFAULT_STRATEGY);
  const recallStrategy =
    current && input.recallStrategy === undefined
      ? current.recallStrategy
      : parseRecallStrategy(input.recallStrategy, 'recallStrategy');
  const ringingDuration = pick('ringingDuration', 25);
  if (!Number.isInteger(ringingDuration) || (ringingDuration as number) < 5 || (ringingDuration as number) > 120) {
    throw invalidField('ringingDuration', 'must be a whole number of seconds from 5 to 120');
  }
  const concurrency = pick('concurrency', 0);
  if (!Number.isInteger(concurrency) || (concurrency as number) < 0) {
    throw invalidField('concurrency', 'must be an integer ≥ 0');
  }
  const priority = pick('priority', 'Daily');
  if (typeof priority !== 'string' || !Object.hasOwn(JobGroupPriority, priority)) {
    throw invalidField('priority', `must be one of ${Object.keys(JobGroupPriority).join(', ')}`);
  }
  const timeZone = pick('timeZone', defaultTimeZone);
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
    throw invalidField('timeZone', `${String(timeZone)} is not an IANA time zone`);
  }
  const lineGroupIds = pick('lineGroupIds');
  if (!Array.isArray(lineGroupIds) || lineGroupIds.length === 0) {
    throw invalidField('lineGroupIds', 'must name at least one line group');
  }
  lineGroupIds.forEach((id: unknown, i) => {
    if (typeof id !== 'string' || id === '') throw invalidField(`lineGroupIds[${i}]`, 'must be a line group id');
  });
  return {
    name: name.trim(),
    description,
    scriptId,
    scriptVersion,
    strategy,
    recallStrategy,
    ringingDuration: ringingDuration as number,
    concurrency: concurrency as number,
    priority: priority as JobGroupSettings['priority'],
    timeZone,
    lineGroupIds: [...(lineGroupIds as string[])],
  };
}
