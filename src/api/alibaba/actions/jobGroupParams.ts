import type { JobGroupSettingsInput } from '../../../service/jobGroups/index.js';
import { jsonParam, optionalInt, optionalString, type RpcParams } from '../params.js';
import type { FieldRename } from './wireFieldNames.js';

const given = (p: RpcParams, name: string): string | undefined => {
  const v = optionalString(p, name);
  return v === undefined || v.trim() === '' ? undefined : v;
};

/**
 * The settings CreateJobGroup and ModifyJobGroup share, as the service takes them. A parameter absent or
 * empty is left out (the default on creation, unchanged on modification): the vendor's own samples send
 * empty strings for what they do not set. `FlashSmsExtras` must be JSON when given, and is not used:
 * Outdial sends no flash SMS.
 */
export function jobGroupSettingsParams(p: RpcParams): {
  settings: Omit<JobGroupSettingsInput, 'name' | 'description' | 'lineGroupIds'>;
  renames: FieldRename[];
} {
  jsonParam(p, 'FlashSmsExtras');
  const scriptParam = given(p, 'ScriptId') !== undefined ? 'ScriptId' : 'ScenarioId';
  const scriptId = given(p, scriptParam);
  const strategy = given(p, 'StrategyJson');
  const recallStrategy = given(p, 'RecallStrategyJson');
  const ringingDuration = optionalInt(p, 'RingingDuration');
  const priority = given(p, 'Priority');
  const concurrency = optionalInt(p, 'MinConcurrency', { min: 0 });
  return {
    settings: {
      ...(scriptId !== undefined ? { scriptId } : {}),
      ...(strategy !== undefined ? { strategy } : {}),
      ...(recallStrategy !== undefined ? { recallStrategy } : {}),
      ...(ringingDuration !== undefined ? { ringingDuration } : {}),
      ...(priority !== undefined ? { priority } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
    },
    renames: [
      { from: 'strategy', to: 'StrategyJson' },
      { from: 'recallStrategy', to: 'RecallStrategyJson' },
      { from: 'scriptId', to: scriptParam },
      { from: 'ringingDuration', to: 'RingingDuration' },
      { from: 'concurrency', to: 'MinConcurrency' },
      { from: 'priority', to: 'Priority' },
      { from: 'lineGroupIds', to: 'CallingNumber' },
      { from: 'jobGroupId', to: 'JobGroupId' },
    ],
  };
}
