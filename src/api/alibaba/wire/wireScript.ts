import type { Script } from '../../../core/types.js';

/**
 * A script as ListScripts and DescribeScript return it (ListScripts spells the chatbot id `ChatBotId`,
 * DescribeScript `ChatbotId`: both are sent). Robot and speech settings Outdial keeps elsewhere are empty.
 */
export function wireScript(script: Script) {
  const drafted = script.status === 'DRAFTED';
  return {
    ScriptId: script.id,
    ScriptName: script.name,
    ScriptDescription: script.description,
    Industry: script.industry,
    Scene: script.scene,
    Status: script.status,
    DebugStatus: script.status,
    IsDrafted: drafted,
    IsDebugDrafted: drafted,
    IsPreset: false,
    CreateTime: script.createdAt,
    UpdateTime: script.modifiedAt,
    ChatbotId: '',
    ChatBotId: '',
    AgentKey: '',
    AgentLlm: false,
    NluAccessType: '',
    NluEngine: '',
    RejectReason: '',
    AsrConfig: '',
    TtsConfig: '',
    ChatConfig: '',
    EmotionEnable: false,
    LongWaitEnable: false,
    MiniPlaybackEnable: false,
    NewBargeInEnable: false,
  };
}
