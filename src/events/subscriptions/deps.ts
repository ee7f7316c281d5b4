import type { SecretBox } from '../../service/credentials/secretBox.js';
import type { ServiceDeps } from '../../service/deps.js';
import type { Formats } from '../format.js';

/** What the subscription operations need: the store, the Clock, ids, the box configs are sealed in. */
export type SubscriptionDeps = Pick<ServiceDeps, 'db' | 'clock' | 'newId'> & {
  box: SecretBox;
  /** The vendor formats (default: src/events/formats); the test send renders with them. */
  formats?: Formats;
  /** Tells the dispatcher deliveries were re-queued. */
  wakeDispatcher?: () => void;
};
