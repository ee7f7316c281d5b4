import { invalidField, OutdialError } from '../core/errors.js';
import type { LineGroup } from '../core/types.js';
import { getInstance } from '../store/instances/getInstance.js';
import { insertLineGroup } from '../store/lineGroups/insertLineGroup.js';
import type { ServiceDeps } from './deps.js';

export interface LineGroupInput {
  instanceId: string;
  name: string;
  /** Caller numbers, in the order they are tried; each line carries `lineCapacity` calls. */
  callingNumbers: string[];
  lineCapacity?: number;
  /** Concurrent calls for the whole group; defaults to the sum of its lines. */
  capacity?: number;
  callsPerSecond?: number;
}

const positiveInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;

export async function createLineGroup(deps: ServiceDeps, input: LineGroupInput): Promise<LineGroup> {
  if (typeof input.name !== 'string' || input.name.trim() === '')
    throw invalidField('name', 'must be a non-empty string');
  if (!Array.isArray(input.callingNumbers) || input.callingNumbers.length === 0) {
    throw invalidField('callingNumbers', 'must list at least one caller number');
  }
  input.callingNumbers.forEach((n, i) => {
    if (typeof n !== 'string' || !/^\+?[0-9]{3,20}$/.test(n))
      throw invalidField(`callingNumbers[${i}]`, 'must be digits');
  });
  const lineCapacity = input.lineCapacity ?? 1;
  if (!positiveInt(lineCapacity)) throw invalidField('lineCapacity', 'must be a positive integer');
  if (input.capacity !== undefined && !positiveInt(input.capacity)) {
    throw invalidField('capacity', 'must be a positive integer');
  }
  const cps = input.callsPerSecond ?? 0;
  if (typeof cps !== 'number' || !(cps >= 0))
    throw invalidField('callsPerSecond', 'must be a number ≥ 0 (0 = no limit)');
  if (!(await getInstance(deps.db, input.instanceId))) {
    throw new OutdialError('INSTANCE_NOT_FOUND', `instance ${input.instanceId} does not exist`, {
      field: 'instanceId',
    });
  }
  const id = deps.newId();
  const lg: LineGroup = {
    id,
    instanceId: input.instanceId,
    name: input.name.trim(),
    capacity: input.capacity ?? lineCapacity * input.callingNumbers.length,
    callsPerSecond: cps,
    createdAt: deps.clock.now(),
    lines: input.callingNumbers.map((n, position) => ({
      id: deps.newId(),
      lineGroupId: id,
      position,
      callingNumber: n,
      capacity: lineCapacity,
    })),
  };
  await deps.db.transaction().execute((trx) => insertLineGroup(trx, lg));
  return lg;
}
