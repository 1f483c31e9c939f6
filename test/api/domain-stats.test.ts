// GetDomain Stats are counters kept by the writes: after every kind of write through the API, the import
// path and the expiry job, on both backends, they equal a recount of the stored rows.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateDomainCommand,
  CreateProfileCommand,
  CustomerProfilesClient,
  DeleteDomainCommand,
  DeleteProfileCommand,
  DeleteProfileObjectCommand,
  DeleteProfileObjectTypeCommand,
  GetDomainCommand,
  MergeProfilesCommand,
} from '@aws-sdk/client-customer-profiles';
import { postgresSkipReason } from '../support/postgres.js';
import { useInProcessServer } from '../support/in-process-server.js';
import { listObjects, putObject, putType } from '../support/objects.js';
import { searchIds } from '../support/profiles.js';

const DAY = 24 * 60 * 60 * 1000;
const DOMAIN = 'counted';

const VISIT = {
  Description: 'visits, kept a day',
  AllowProfileCreation: true,
  ExpirationDays: 1,
  Fields: { id: { Source: '_source.id' }, email: { Source: '_source.email', ContentType: 'EMAIL_ADDRESS' as const }, note: { Source: '_source.note' } },
  Keys: { visitId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['id'] }], _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }] },
};

/** Writes `_asset` records (standard objects count as objects) beside its own objects. */
const REGISTRATION = {
  Description: 'device registrations',
  AllowProfileCreation: true,
  ExpirationDays: 30,
  Fields: {
    reg: { Source: '_source.reg' },
    email: { Source: '_source.email', ContentType: 'EMAIL_ADDRESS' as const },
    serial: { Source: '_source.serial', Target: '_asset.SerialNumber' },
    model: { Source: '_source.model', Target: '_asset.ModelName' },
  },
  Keys: {
    regId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['reg'] }],
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
    serialKey: [{ StandardIdentifiers: ['ASSET' as const], FieldNames: ['serial'] }],
  },
};

const visit = (id: string, email: string, note = '') => JSON.stringify({ id, email, note });

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`GetDomain Stats on ${backend}`, { skip: backend === 'postgres' ? postgresSkipReason() : undefined }, () => {
    let offset = 0;
    const server = useInProcessServer(backend, () => new Date(Date.now() + offset));
    const scope = { accountId: '000000000000', region: 'us-east-1' };
    const client = () => new CustomerProfilesClient({ endpoint: server().endpoint, region: scope.region, credentials: server().root, maxAttempts: 1, systemClockOffset: offset });

    async function recount() {
      const store = server().container.store;
      const profiles = await store.profiles.count(scope, DOMAIN);
      const objects = await store.profileObjects.stats(scope, DOMAIN);
      const extra = objects.largeProfiles.reduce((sum, n) => sum + Math.ceil(n / 100) - 1, 0);
      return { ProfileCount: profiles, MeteringProfileCount: profiles + extra, ObjectCount: objects.objectCount, TotalSize: objects.totalSize };
    }

    async function agree(step: string) {
      const sdk = client();
      try {
        const stats = (await sdk.send(new GetDomainCommand({ DomainName: DOMAIN }))).Stats;
        const expected = await recount();
        assert.deepEqual(stats, expected, step);
        return expected;
      } finally {
        sdk.destroy();
      }
    }

    test('after every kind of write they equal a recount of the rows', async () => {
      const sdk = client();
      await sdk.send(new CreateDomainCommand({ DomainName: DOMAIN, DefaultExpirationDays: 2 }));
      await putType(sdk, DOMAIN, 'Visit', VISIT);
      await putType(sdk, DOMAIN, 'Registration', REGISTRATION);
      await agree('a new domain');

      const manual = (await sdk.send(new CreateProfileCommand({ DomainName: DOMAIN, EmailAddress: 'ann@example.com' }))).ProfileId!;
      const idle = (await sdk.send(new CreateProfileCommand({ DomainName: DOMAIN, FirstName: 'Idle' }))).ProfileId!;
      await putObject(sdk, DOMAIN, 'Visit', visit('v1', 'ann@example.com'));
      await putObject(sdk, DOMAIN, 'Visit', visit('v2', 'bob@example.com'));
      await putObject(sdk, DOMAIN, 'Registration', { reg: 'r1', email: 'ann@example.com', serial: 'S1', model: 'X' });
      await putObject(sdk, DOMAIN, 'Registration', { reg: 'r2', email: 'bob@example.com', serial: 'S1', model: 'Y' });
      await agree('profiles created, objects inferred and matched, a standard record written and moved');

      await putObject(sdk, DOMAIN, 'Visit', visit('v1', 'ann@example.com', 'a longer note than before'));
      await putObject(sdk, DOMAIN, 'Visit', visit('v2', 'ann@example.com'));
      await agree('objects replaced, one moving to another profile');

      // The import path: 210 records onto one new profile (metered three times), one onto Ann.
      const batch = [...Array.from({ length: 210 }, (_, i) => visit(`b${i}`, 'cat@example.com')), visit('b-ann', 'ann@example.com')];
      const outcomes = await server().container.services.ingestion.putObjects(scope, DOMAIN, 'Visit', batch);
      assert.ok(outcomes.every((outcome) => outcome.ok));
      const imported = await agree('an import batch');
      assert.equal(imported.MeteringProfileCount, imported.ProfileCount + 2);

      const [cat] = await searchIds(sdk, { DomainName: DOMAIN, KeyName: '_email', Values: ['cat@example.com'] });
      const catVisits = await listObjects(sdk, DOMAIN, cat!, 'Visit', undefined, 100);
      for (const item of catVisits.slice(0, 10)) {
        await sdk.send(new DeleteProfileObjectCommand({ DomainName: DOMAIN, ProfileId: cat!, ObjectTypeName: 'Visit', ProfileObjectUniqueKey: item.key }));
      }
      assert.equal((await agree('objects deleted down to 200')).MeteringProfileCount, imported.ProfileCount + 1);

      await sdk.send(new MergeProfilesCommand({ DomainName: DOMAIN, MainProfileId: manual, ProfileIdsToBeMerged: [cat!] }));
      await agree('a merge moving 200 objects');
      await sdk.send(new DeleteProfileObjectTypeCommand({ DomainName: DOMAIN, ObjectTypeName: 'Registration' }));
      await agree('an object type deleted with its objects');
      const [bob] = await searchIds(sdk, { DomainName: DOMAIN, KeyName: '_email', Values: ['bob@example.com'] });
      await sdk.send(new DeleteProfileCommand({ DomainName: DOMAIN, ProfileId: bob! }));
      await agree('a profile deleted');
      sdk.destroy();

      // Three days on: the visits (a day) expire, then the idle profiles (two days) without objects.
      offset = 3 * DAY;
      assert.ok((await server().container.jobs.runOnce()) >= 1);
      const expired = await agree('expiry');
      assert.equal(expired.ObjectCount, 0);
      // A client per call from here: the SDK resets its clock offset from the first answer's Date header.
      const later = async <T>(call: (sdk: CustomerProfilesClient) => Promise<T>) => {
        const sdk = client();
        try {
          return await call(sdk);
        } finally {
          sdk.destroy();
        }
      };
      assert.deepEqual(await later((sdk) => searchIds(sdk, { DomainName: DOMAIN, KeyName: '_profileId', Values: [idle] })), []);
      await later((sdk) => sdk.send(new DeleteDomainCommand({ DomainName: DOMAIN })));
      await later((sdk) => sdk.send(new CreateDomainCommand({ DomainName: DOMAIN, DefaultExpirationDays: 2 })));
      assert.deepEqual(await agree('a re-created domain'), { ProfileCount: 0, MeteringProfileCount: 0, ObjectCount: 0, TotalSize: 0 });
    });
  });
}
