import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changePolicy } from '../../../src/service/policy/changePolicy.js';
import { getPolicy } from '../../../src/service/policy/getPolicy.js';
import { putPolicy } from '../../../src/service/policy/putPolicy.js';
import { rejection } from '../../support/rejection.js';
import { seedJobGroup } from '../../support/seed.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../../support/testStore.js';

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: changing an instance's policy`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(dialect);
    });
    afterAll(() => t.drop());

    it('two changes of different rules at once both hold', async () => {
      const { deps, instanceId } = await seedJobGroup(t);
      await putPolicy(deps, instanceId, { presets: ['us-tcpa'] });
      await Promise.all([
        changePolicy(deps, instanceId, (s) => ({ ...s, perJobPerDay: 2 })),
        changePolicy(deps, instanceId, (s) => ({ ...s, emptyNumberDays: 30 })),
        changePolicy(deps, instanceId, (s) => ({ ...s, perNumber: { ...s.perNumber, per24h: 4 } })),
      ]);
      expect((await getPolicy(deps, instanceId)).settings).toEqual({
        presets: ['us-tcpa'],
        perJobPerDay: 2,
        emptyNumberDays: 30,
        perNumber: { per24h: 4 },
      });
    });

    it('a change that breaks the rules is refused and leaves the settings as they were', async () => {
      const { deps, instanceId } = await seedJobGroup(t);
      await putPolicy(deps, instanceId, { presets: [], perJobPerDay: 2 });
      const error = await rejection(changePolicy(deps, instanceId, (s) => ({ ...s, perJobPerDay: -1 })));
      expect(error.details.field).toBe('perJobPerDay');
      expect((await getPolicy(deps, instanceId)).settings).toEqual({ presets: [], perJobPerDay: 2 });
      expect((await rejection(getPolicy(deps, 'no-such-instance'))).code).toBe('INSTANCE_NOT_FOUND');
    });
  });
}
