export { type CreatedSubscription, createSubscription, type SubscriptionInput } from './createSubscription.js';
export { deleteSubscription } from './deleteSubscription.js';
export {
  DELIVERY_STATUSES,
  type Delivery,
  type DeliveryAttempt,
  type DeliveryStatus,
  getDeliveryOf,
  listDeliveries,
} from './deliveries.js';
export type { SubscriptionDeps } from './deps.js';
export { getSubscriptionOf } from './getSubscriptionOf.js';
export { listSubscriptions } from './listSubscriptions.js';
export { type ReplayRequest, replayDeliveries } from './replayDeliveries.js';
export { RETRY_PRESETS, type RetryInput, type RetryPreset, retrySchedule } from './retrySchedule.js';
export type { Subscription } from './subscriptionView.js';
export { type TestOutcome, testSubscription } from './testSubscription.js';
export { type SubscriptionChange, updateSubscription } from './updateSubscription.js';
