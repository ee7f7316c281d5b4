import type { Instance } from '../../../core/types.js';

/**
 * An instance as DescribeInstance and ListInstances return it. `maxConcurrentConversation` is what its
 * lines can carry at once, when the caller knows it; account fields Outdial does not have are empty.
 */
export function wireInstance(instance: Instance, extra: { maxConcurrentConversation?: number } = {}) {
  return {
    InstanceId: instance.id,
    InstanceName: instance.name,
    InstanceDescription: instance.description,
    CreationTime: instance.createdAt,
    MaxConcurrentConversation: extra.maxConcurrentConversation ?? 0,
    CreatorId: 0,
    CreatorName: '',
    OwnerName: '',
    ResourceGroupId: '',
    IsPreset: false,
    ResourceTags: [] as { Key: string; Value: string }[],
  };
}
