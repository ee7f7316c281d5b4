import type { JobGroup } from '../../../core/types.js';
import { listLineGroups } from '../../../service/catalog/index.js';
import type { ServiceDeps } from '../../../service/deps.js';
import { invalidParameter } from '../errors.js';
import { type RpcParams, repeatList } from '../params.js';

/**
 * The vendor names caller numbers where Outdial names line groups. `CallingNumber.N` selects the
 * instance's line groups holding those numbers, in order of first mention; `RecallCallingNumber.N`'s
 * line groups follow as failover. With neither given: `undefined`, which the caller reads as "all line
 * groups" (a new group) or "unchanged" (a modification). A number no line of the instance carries is
 * InvalidParameter naming its parameter.
 */
export async function lineGroupsOfNumbers(
  deps: ServiceDeps,
  instanceId: string,
  p: RpcParams,
): Promise<string[] | undefined> {
  const calling = repeatList(p, 'CallingNumber');
  const recall = repeatList(p, 'RecallCallingNumber');
  if (calling.length === 0 && recall.length === 0) return undefined;
  const all = await listLineGroups(deps, instanceId);
  const ids: string[] = [];
  for (const [name, numbers] of [
    ['CallingNumber', calling],
    ['RecallCallingNumber', recall],
  ] as const) {
    numbers.forEach((raw, i) => {
      const number = raw.trim();
      const group = all.find((g) => g.lines.some((l) => l.callingNumber === number));
      if (!group) {
        throw invalidParameter(`${name}.${i + 1}`, `No line of this instance has the caller number "${number}".`);
      }
      if (!ids.includes(group.id)) ids.push(group.id);
    });
  }
  return ids;
}

/** The instance's line groups oldest first: what a group given no caller numbers dials on. */
export async function allLineGroupIds(deps: ServiceDeps, instanceId: string): Promise<string[]> {
  return (await listLineGroups(deps, instanceId)).map((g) => g.id);
}

/** Every caller number of the group's line groups, in failover order, once each (the wire `CallingNumbers`). */
export async function callingNumbersOf(deps: ServiceDeps, group: JobGroup): Promise<string[]> {
  const byId = new Map((await listLineGroups(deps, group.instanceId)).map((g) => [g.id, g]));
  const numbers = group.lineGroupIds.flatMap((id) => byId.get(id)?.lines.map((l) => l.callingNumber) ?? []);
  return [...new Set(numbers)];
}
