// Data expiry with an injected clock, in-process on both backends: objects go at their own expiry,
// idle profiles without objects after the domain's DefaultExpirationDays; the job keeps recurring.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EXPIRE_DOMAIN } from '../../src/jobs/handlers/expire-domain.js';
import { postgresSkipReason } from '../support/postgres.js';
import { useInProcessContainer } from '../support/in-process.js';

const DAY = 24 * 60 * 60 * 1000;
const scope = { accountId: '000000000000', region: 'us-east-1' };

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`expiry on ${backend}`, { skip: backend === 'postgres' ? postgresSkipReason() : undefined }, () => {
    let now = Date.UTC(2026, 0, 1);
    const container = useInProcessContainer(backend, () => new Date(now));

    test('objects expire at their own time, idle profiles after the domain default, and the job recurs', async () => {
      const { domains, profiles, objectTypes, ingestion, profileSearch } = container().services;
      await domains.create(scope, { name: 'exp', defaultExpirationDays: 2 });
      await objectTypes.put(scope, 'exp', {
        name: 'Visit',
        description: 'visits',
        expirationDays: 5,
        allowProfileCreation: true,
        fields: { id: { source: '_source.id', contentType: 'STRING' }, email: { source: '_source.email', contentType: 'EMAIL_ADDRESS' } },
        keys: { visitId: [{ standardIdentifiers: ['UNIQUE'], fieldNames: ['id'] }], _email: [{ standardIdentifiers: ['PROFILE'], fieldNames: ['email'] }] },
      });
      const manual = await profiles.create(scope, 'exp', { firstName: 'Idle' });
      await ingestion.putObject(scope, 'exp', 'Visit', JSON.stringify({ id: 'v1', email: 'kept@example.com' }));
      const find = async (keyName: string, value: string) =>
        (await profileSearch.search(scope, 'exp', { keys: [{ keyName, values: [value] }], mode: 'OR', maxResults: 10 })).items.length;

      assert.equal(await container().jobs.runOnce(), 0, 'the first run is an hour after the domain was created');
      now += 3 * DAY;
      assert.equal(await container().jobs.runOnce(), 1);
      assert.equal(await find('_profileId', manual), 0, 'a manual profile idle for longer than DefaultExpirationDays is gone');
      assert.equal(await find('_email', 'kept@example.com'), 1, 'a profile holding a live object stays');

      now += 3 * DAY;
      assert.equal(await container().jobs.runOnce(), 1);
      assert.equal(await find('_email', 'kept@example.com'), 0, 'its object expired after 5 days, and then the idle profile went too');

      const [id] = await container().store.jobs.due(new Date(now + 2 * 60 * 60 * 1000), [EXPIRE_DOMAIN], 10);
      assert.ok(id, 'the expiry job is scheduled again');
      await domains.delete(scope, 'exp');
      now += 2 * 60 * 60 * 1000;
      assert.equal(await container().jobs.runOnce(), 1);
      assert.equal((await container().store.jobs.get(id))?.status, 'done', 'a deleted domain ends its expiry job');
    });
  });
}
