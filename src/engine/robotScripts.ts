import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { compileScript } from '../robot/compileScript.js';
import type { Db } from '../store/schema.js';
import { getScriptVersion } from '../store/scripts/getScriptVersion.js';
import type { CallRobot } from './robotOutcome.js';

/** Compiled script versions by `scriptId@version`: a version never changes, so one compile serves every call. */
export interface RobotScripts {
  /** The group's robot, or null when it runs no script (or its version cannot be loaded, which is logged). */
  of(group: { id: string; scriptId: string | null; scriptVersion: number | null }): Promise<CallRobot | null>;
}

export function createRobotScripts(db: Kysely<Db>, log: Logger): RobotScripts {
  const compiled = new Map<string, Promise<CallRobot | null>>();
  const load = async (scriptId: string, version: number, groupId: string): Promise<CallRobot | null> => {
    const found = await getScriptVersion(db, scriptId, version);
    if (!found) {
      log.error(
        { jobGroupId: groupId, scriptId, version },
        'the script version of a job group is missing; calls go without a robot',
      );
      return null;
    }
    try {
      return { script: compileScript(found.body), version };
    } catch (error) {
      log.error(
        { err: error, scriptId, version },
        'a stored script version does not compile; calls go without a robot',
      );
      return null;
    }
  };
  return {
    of(group) {
      if (group.scriptId === null || group.scriptVersion === null) return Promise.resolve(null);
      const key = `${group.scriptId}@${group.scriptVersion}`;
      let robot = compiled.get(key);
      if (!robot) {
        robot = load(group.scriptId, group.scriptVersion, group.id);
        compiled.set(key, robot);
        // A failed load (the store unreachable) is tried again by the next pass.
        robot.catch(() => compiled.delete(key));
      }
      return robot;
    },
  };
}
