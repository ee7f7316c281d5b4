import { JobGroupPriority } from '../core/enums.js';
import { invalidField, OutdialError } from '../core/errors.js';
import { isValidTimeZone } from '../core/jobs/isValidTimeZone.js';
import { parseOptionalStrategy, parseRecallStrategy } from '../core/strategy/index.js';
import type { Strategy } from '../core/strategy/types.js';
import type { JobGroup } from '../core/types.js';
import { getInstance } from '../store/instances/getInstance.js';
import { insertJobGroup } from '../store/jobGroups/insertJobGroup.js';
import { getLineGroups } from '../store/lineGroups/getLineGroups.js';
import type { ServiceDeps } from './deps.js';

export interface JobGroupInput {
  instanceId: string;
  name: string;
  description?: string;
  scriptId?: string | null;
  /** StrategyJson as the vendor writes it (object or JSON string); absent = dial at once, once a day. */
  strategy?: unknown;
  recallStrategy?: unknown;
  /** Line groups in failover order. */
  lineGroupIds: string[];
  /** RingingDuration in seconds (default 25). */
  ringingDuration?: number;
  /** Concurrent calls for this group; 0 = as many as its lines carry. */
  concurrency?: number;
  priority?: string;
  timeZone?: string;
}

/** The vendor's default when no StrategyJson is given: dial at once, one attempt. */
const DEFAULT_STRATEGY: Strategy = {
  repeatBy: 'immediate',
  repeatDays: [],
  workingTime: [],
  holidays: [],
  maxAttemptsPerDay: 1,
  minAttemptInterval: 1,
};

/** Validates everything before writing anything; the group starts as a Draft until jobs arrive. */
export async function createJobGroup(deps: ServiceDeps, input: JobGroupInput): Promise<JobGroup> {
  if (typeof input.name !== 'string' || input.name.trim() === '')
    throw invalidField('name', 'must be a non-empty string');
  const strategy = parseOptionalStrategy(input.strategy, 'strategy') ?? DEFAULT_STRATEGY;
  const recallStrategy = parseRecallStrategy(input.recallStrategy, 'recallStrategy');
  const ringingDuration = input.ringingDuration ?? 25;
  if (!Number.isInteger(ringingDuration) || ringingDuration < 5 || ringingDuration > 120) {
    throw invalidField('ringingDuration', 'must be a whole number of seconds from 5 to 120');
  }
  const concurrency = input.concurrency ?? 0;
  if (!Number.isInteger(concurrency) || concurrency < 0) throw invalidField('concurrency', 'must be an integer ≥ 0');
  const priority = input.priority ?? 'Daily';
  if (!(priority in JobGroupPriority))
    throw invalidField('priority', `must be one of ${Object.keys(JobGroupPriority).join(', ')}`);
  const timeZone = input.timeZone ?? deps.defaultTimeZone;
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
    throw invalidField('timeZone', `${String(timeZone)} is not an IANA time zone`);
  }
  if (!Array.isArray(input.lineGroupIds) || input.lineGroupIds.length === 0) {
    throw invalidField('lineGroupIds', 'must name at least one line group');
  }
  if (!(await getInstance(deps.db, input.instanceId))) {
    throw new OutdialError('INSTANCE_NOT_FOUND', `instance ${input.instanceId} does not exist`, {
      field: 'instanceId',
    });
  }
  const found = await getLineGroups(deps.db, input.lineGroupIds);
  input.lineGroupIds.forEach((id, i) => {
    const lg = found.find((g) => g.id === id);
    if (!lg || lg.instanceId !== input.instanceId) {
      throw new OutdialError('LINE_GROUP_NOT_FOUND', `lineGroupIds[${i}]: line group ${id} does not exist`, {
        field: `lineGroupIds[${i}]`,
      });
    }
  });
  const now = deps.clock.now();
  const group: JobGroup = {
    id: deps.newId(),
    instanceId: input.instanceId,
    name: input.name.trim(),
    description: input.description ?? '',
    scriptId: input.scriptId ?? null,
    status: 'Draft',
    priority: priority as JobGroup['priority'],
    strategy,
    recallStrategy,
    lineGroupIds: [...input.lineGroupIds],
    ringingDuration,
    concurrency,
    timeZone,
    createdAt: now,
    modifiedAt: now,
    startedAt: null,
    finishedAt: null,
    version: 0,
  };
  await insertJobGroup(deps.db, group);
  return group;
}
