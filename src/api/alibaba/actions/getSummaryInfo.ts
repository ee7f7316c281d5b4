import { instanceSummary } from '../../../service/jobGroups/index.js';
import { repeatList } from '../params.js';
import type { ActionHandler } from './types.js';

/**
 * GetSummaryInfo: calls placed and seconds talked for the caller's instance. Other instances named in
 * `InstanceIdList.N` are left out, as a key sees its own instance only; with no list, the caller's.
 * UsedRecordingStorageSpace is the MB the instance's kept recordings take.
 */
export const getSummaryInfo: ActionHandler = async (ctx, p) => {
  const asked = repeatList(p, 'InstanceIdList');
  const ids = asked.length === 0 || asked.includes(ctx.instanceId) ? [ctx.instanceId] : [];
  const summaries = await instanceSummary(ctx.deps, ids);
  return {
    AgentBotInstanceSummaryList: summaries.map((s) => ({
      InstanceId: s.instanceId,
      TotalCallCount: s.totalCallCount,
      TotalCallTime: s.totalCallSeconds,
      UsedRecordingStorageSpace: s.recordingMegabytes,
    })),
  };
};
