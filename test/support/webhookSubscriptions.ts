import { randomBytes } from 'node:crypto';
import { createVirtualClock } from '../../src/core/virtualClock.js';
import { createSubscription } from '../../src/events/subscriptions/index.js';
import { createInstance } from '../../src/service/createInstance.js';
import { createSecretBox } from '../../src/service/credentials/secretBox.js';
import { testIds } from './campaign.js';
import type { TestStore } from './testStore.js';

/**
 * A new instance in the store, and a maker of its webhook subscriptions (to a closed port): what tests of the
 * delivery tables need rows to refer to. Each call makes one and returns its id.
 */
export async function webhookSubscriptions(t: TestStore, at: number): Promise<() => Promise<string>> {
  const deps = { db: t.db, caps: t.caps, clock: createVirtualClock(at), newId: testIds() };
  const box = createSecretBox(randomBytes(32));
  const instanceId = (
    await createInstance({ ...deps, defaultCountry: 'CN', defaultTimeZone: 'Asia/Shanghai' }, { name: 'deliveries' })
  ).id;
  return async () =>
    (
      await createSubscription(
        { ...deps, box },
        {
          instanceId,
          name: 'hook',
          format: 'cloudevents',
          sink: 'webhook',
          config: { url: 'http://127.0.0.1:9/hook' },
        },
      )
    ).id;
}
