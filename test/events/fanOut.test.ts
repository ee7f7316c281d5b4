import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobEventType } from '../../src/core/events.js';
import { createVirtualClock } from '../../src/core/virtualClock.js';
import { fanOut } from '../../src/events/outbox/fanOut.js';
import { createSubscription, type SubscriptionDeps, updateSubscription } from '../../src/events/subscriptions/index.js';
import { createInstance } from '../../src/service/createInstance.js';
import { createJobGroup } from '../../src/service/createJobGroup.js';
import { createSecretBox } from '../../src/service/credentials/secretBox.js';
import { insertEvents } from '../../src/store/events/insertEvents.js';
import { testIds } from '../support/campaign.js';
import { seedJobGroup } from '../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/testStore.js';
import { outboxEvent, STUB_FORMATS } from './dispatchHarness.js';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: fan-out turns outbox events into deliveries`, () => {
    let t: TestStore;
    let deps: SubscriptionDeps;
    beforeEach(async () => {
      t = await openTestStore(dialect);
      deps = {
        db: t.db,
        clock: createVirtualClock(T0),
        newId: testIds(),
        box: createSecretBox(randomBytes(32)),
        formats: STUB_FORMATS,
      };
    });
    afterEach(() => t.drop());

    const instance = async (name: string) =>
      (await createInstance({ ...deps, caps: t.caps, defaultCountry: 'CN', defaultTimeZone: 'UTC' }, { name })).id;

    it('one delivery per subscription whose filters match; events nobody wants are only marked', async () => {
      const seeded = await seedJobGroup(t);
      const mine = seeded.instanceId;
      const g1 = seeded.jobGroupId;
      const g2 = (
        await createJobGroup(seeded.deps, { instanceId: mine, name: 'two', lineGroupIds: [seeded.lineGroupId] })
      ).id;
      const other = await instance('other');
      const sub = (instanceId: string, name: string, o: object = {}) =>
        createSubscription(deps, {
          instanceId,
          name,
          sink: 'webhook',
          format: 'cloudevents',
          config: { url: 'http://127.0.0.1:9/hook' },
          ...o,
        });
      const all = await sub(mine, 'all');
      const completions = await sub(mine, 'completions', { eventTypes: ['JobComplete'] });
      const groupTwo = await sub(mine, 'group two', { jobGroupIds: [g2] });
      const paused = await sub(mine, 'paused');
      await updateSubscription(deps, mine, paused.id, { status: 'paused' });
      const elsewhere = await sub(other, 'elsewhere');

      const ev = (id: string, instanceId: string, jobGroupId: string, type: JobEventType) =>
        outboxEvent({ id, instanceId, jobGroupId, jobId: `job-${id}`, type, at: T0 });
      await insertEvents(t.db, t.caps, [
        ev('g1-dial', mine, g1, 'Dialing'),
        ev('g1-done', mine, g1, 'JobComplete'),
        ev('g2-dial', mine, g2, 'Dialing'),
        ev('lonely', 'no-subscribers', 'g9', 'Dialing'),
      ]);
      expect(await fanOut({ db: t.db, caps: t.caps, now: T0 }, 2)).toBe(2);
      expect(await fanOut({ db: t.db, caps: t.caps, now: T0 }, 2)).toBe(2);
      expect(await fanOut({ db: t.db, caps: t.caps, now: T0 }, 2)).toBe(0);

      const rows = await t.db.selectFrom('delivery').select(['subscription_id', 'event_id', 'status']).execute();
      const of = (id: string) =>
        rows
          .filter((r) => r.subscription_id === id)
          .map((r) => r.event_id)
          .sort();
      expect(of(all.id)).toEqual(['g1-dial', 'g1-done', 'g2-dial']);
      expect(of(completions.id)).toEqual(['g1-done']);
      expect(of(groupTwo.id)).toEqual(['g2-dial']);
      // Paused: its events are kept as deliveries, sent once it is resumed.
      expect(of(paused.id)).toEqual(['g1-dial', 'g1-done', 'g2-dial']);
      expect(of(elsewhere.id)).toEqual([]);
      expect(rows.every((r) => r.status === 'pending')).toBe(true);
      const left = await t.db.selectFrom('fan_out_queue').select('event_id').execute();
      expect(left).toEqual([]);
    });
  });
}
