// The set-based batch path of bulk import places records exactly as one PutProfileObject call per record
// would: the same records go through both into two identical domains, and the profiles, their keys, the
// objects, their keys, the dead letters and each record's outcome must come out the same. The batch holds
// records that touch the same profile and the same keys, on both backends.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHandlebars } from '../../src/domain/object-types/field-source.js';
import { IngestionService, type BatchOutcome } from '../../src/domain/ingestion/ingestion-service.js';
import type { ObjectTypeInput } from '../../src/domain/object-types/object-type-service.js';
import type { Container } from '../../src/container.js';
import { postgresSkipReason } from '../support/postgres.js';
import { useInProcessContainer } from '../support/in-process.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };
const T0 = Date.UTC(2026, 5, 1);

const CRM: ObjectTypeInput = {
  name: 'Crm',
  description: 'customers',
  allowProfileCreation: true,
  maxProfileObjectCount: 3,
  sourceLastUpdatedTimestampFormat: 'EpochMilli',
  fields: {
    id: { source: '_source.id', contentType: 'STRING' },
    email: { source: '_source.email', contentType: 'EMAIL_ADDRESS', target: '_profile.EmailAddress' },
    phone: { source: '_source.phone', contentType: 'PHONE_NUMBER' },
    name: { source: '_source.name', contentType: 'NAME', target: '_profile.FirstName' },
    city: { source: '_source.city', contentType: 'STRING', target: '_profile.Address.City' },
    tier: { source: '_source.tier', contentType: 'STRING', target: '_profile.Attributes.tier' },
    loyalty: { source: '_source.loyalty', contentType: 'STRING' },
    alt: { source: '_source.alt', contentType: 'STRING' },
    account: { source: '_source.account', contentType: 'STRING' },
    updated: { source: '_source.updated', contentType: 'STRING', target: '_profile.SourceLastUpdatedTimestamp' },
  },
  keys: {
    crmId: [{ standardIdentifiers: ['UNIQUE'], fieldNames: ['id'] }],
    _email: [{ standardIdentifiers: ['PROFILE'], fieldNames: ['email'] }],
    lookupAccount: [{ standardIdentifiers: ['PROFILE', 'LOOKUP_ONLY'], fieldNames: ['account'] }],
    loyaltyId: [{ standardIdentifiers: ['PROFILE', 'SECONDARY'], fieldNames: ['loyalty'] }],
    altId: [{ standardIdentifiers: ['PROFILE', 'NEW_ONLY'], fieldNames: ['alt'] }],
  },
};

const LEAD: ObjectTypeInput = {
  name: 'Lead',
  description: 'leads, never creating profiles',
  allowProfileCreation: false,
  fields: {
    id: { source: '_source.id', contentType: 'STRING' },
    email: { source: '_source.email', contentType: 'EMAIL_ADDRESS' },
    name: { source: '_source.name', contentType: 'NAME', target: '_profile.LastName' },
  },
  keys: { leadId: [{ standardIdentifiers: ['UNIQUE'], fieldNames: ['id'] }], _email: [{ standardIdentifiers: ['PROFILE'], fieldNames: ['email'] }] },
};

/** Before the batch, in both domains: p0..p3 and their objects, a manual value, a loyalty value on two profiles. */
const SETUP = [
  { id: 's0', email: 'ann@example.com', name: 'Ann', loyalty: 'L-ann' },
  { id: 's1', email: 'bob@example.com', name: 'Bob', phone: '+1 206 555 0100' },
  { id: 's2', email: 'cat@example.com', name: 'Cat' },
  { id: 's3', email: 'full@example.com', name: 'Full' },
  { id: 's4', email: 'full@example.com' },
];

const crm = (record: Record<string, unknown>) => JSON.stringify(record);

/** The batch: shared profiles and keys, in-batch creation then finding, replacement, limits, bad records. */
const BATCH = [
  crm({ id: 'b0', email: 'new@example.com', name: 'New', phone: '206-555-0111', alt: 'A-1', tier: 'gold' }),
  crm({ id: 'b1', email: 'NEW@example.com', name: 'Newer', alt: 'A-2', updated: String(T0 + 5000) }),
  crm({ id: 'b2', email: 'new@example.com', name: 'Stale', updated: String(T0 + 1000) }),
  crm({ id: 'b3', email: 'ann@example.com', name: 'Annie', city: 'Seattle' }),
  crm({ id: 'b4', loyalty: 'L-ann', email: 'ann.two@example.com', name: 'Ann Two' }),
  crm({ id: 'b5', email: 'ann.two@example.com', tier: 'silver' }),
  crm({ id: 'b6', loyalty: 'L-shared', email: 'nobody@example.com', name: 'Ambiguous' }),
  crm({ id: 'b7', email: 'bob@example.com', name: 'Robert' }),
  crm({ id: 'b8', email: 'full@example.com' }),
  crm({ id: 'b9', email: 'full@example.com' }),
  crm({ id: 's3', email: 'cat@example.com', name: 'Moved' }),
  crm({ id: 'b10', email: 'full@example.com' }),
  'not json',
  '[1,2]',
  crm({ email: 'nouniq@example.com' }),
  crm({ id: 'b11' }),
  crm({ id: 'b12', account: 'ACC-9', email: 'acct@example.com', name: 'Acct' }),
  crm({ id: 'b13', account: 'ACC-9', email: 'other@example.com' }),
  crm({ id: 'b0', email: 'cat@example.com', name: 'Replaced' }),
  crm({ id: 'b14', email: 'ann@example.com', alt: 'A-3', name: 'Ann Again' }),
];

const LEADS = [
  crm({ id: 'l0', email: 'bob@example.com', name: 'Builder' }),
  crm({ id: 'l1', email: 'stranger@example.com', name: 'Stranger' }),
  crm({ id: 'l2', email: 'new@example.com', name: 'Lead New' }),
  crm({ id: 'l1', email: 'stranger@example.com', name: 'Stranger Again' }),
];

function counterClock(): () => Date {
  let tick = 0;
  return () => new Date(T0 + 1000 * tick++);
}

function counterIds(): () => string {
  let n = 0;
  return () => `p${String(n++).padStart(3, '0')}`;
}

const describeOutcome = (outcome: BatchOutcome) => (outcome.ok ? { key: outcome.key } : { error: outcome.error.message });

async function dump(container: Container, domain: string, profileIds: readonly string[]) {
  const store = container.store;
  const profiles = (await store.profiles.getMany(scope, domain, profileIds)).sort((a, b) => a.profileId.localeCompare(b.profileId));
  const keys = [];
  const objects = [];
  for (const profile of profiles) {
    keys.push(await store.profileKeys.listForProfile(scope, domain, profile.profileId));
    for (const type of ['Crm', 'Lead']) {
      const page = await store.profileObjects.list(scope, domain, profile.profileId, type, undefined, { limit: 100 });
      for (const item of page.items) objects.push(await store.profileObjects.get(scope, domain, type, item.objectKey));
    }
  }
  const letters = (await store.deadLetters.list(scope, domain, { limit: 100 })).items.map(({ id: _id, ...letter }) => letter);
  const stats = await store.profileObjects.stats(scope, domain);
  return { profiles, keys, objects, letters, profileCount: await store.profiles.count(scope, domain), stats, counters: await store.domainStats.get(scope, domain) };
}

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`batch ingestion on ${backend}`, { skip: backend === 'postgres' ? postgresSkipReason() : undefined }, () => {
    const container = useInProcessContainer(backend, () => new Date(T0));

    test('a batch gives exactly what one PutProfileObject per record gives', async () => {
      const { domains, objectTypes, profiles } = container().services;
      const handlebars = createHandlebars();
      const sequential = new IngestionService(container().store, counterClock(), handlebars, counterIds());
      const batched = new IngestionService(container().store, counterClock(), handlebars, counterIds());
      for (const [domain, ingestion] of [['seq', sequential], ['bat', batched]] as const) {
        await domains.create(scope, { name: domain, defaultExpirationDays: 10 });
        await objectTypes.put(scope, domain, CRM);
        await objectTypes.put(scope, domain, LEAD);
        for (const record of SETUP) await ingestion.putObject(scope, domain, 'Crm', crm(record));
        await profiles.update(scope, domain, 'p002', { firstName: 'Manual Cat' });
        await profiles.addKey(scope, domain, 'p001', 'loyaltyId', ['L-shared']);
        await profiles.addKey(scope, domain, 'p002', 'loyaltyId', ['L-shared']);
      }

      const one = async (type: string, text: string): Promise<BatchOutcome> => {
        try {
          return { ok: true, key: await sequential.putObject(scope, 'seq', type, text) };
        } catch (error) {
          if (error instanceof Error && error.name === 'BadRequestException') return { ok: false, error: error as never };
          throw error;
        }
      };
      const expected = [];
      for (const text of BATCH) expected.push(await one('Crm', text));
      for (const text of LEADS) expected.push(await one('Lead', text));
      const got = [...(await batched.putObjects(scope, 'bat', 'Crm', BATCH)), ...(await batched.putObjects(scope, 'bat', 'Lead', LEADS))];
      assert.deepEqual(got.map(describeOutcome), expected.map(describeOutcome));

      const ids = Array.from({ length: 30 }, (_, i) => `p${String(i).padStart(3, '0')}`);
      const seq = await dump(container(), 'seq', ids);
      const bat = await dump(container(), 'bat', ids);
      assert.deepEqual(bat, seq);

      // The batch really exercised the rules it is meant to cover.
      const errors = got.filter((outcome) => !outcome.ok).map((outcome) => (outcome.ok ? '' : outcome.error.message));
      assert.ok(errors.some((message) => /MaxProfileObjectCount|3/.test(message)), `a per-profile limit refusal among ${errors.join(' | ')}`);
      assert.equal(errors.length, 7, 'four bad records, three over MaxProfileObjectCount');
      assert.equal(seq.letters.length, 2, 'two dead letters (one replaced object is dead-lettered twice)');
      const cat = seq.profiles.find((profile) => profile.profileId === 'p002');
      assert.equal((cat?.fields as { firstName?: string }).firstName, 'Manual Cat', 'the manual value stayed');
      const created = seq.profiles.find((profile) => (profile.fields as { attributes?: { tier?: string } }).attributes?.tier === 'gold');
      assert.equal((created?.fields as { firstName?: string }).firstName, 'Newer', 'the older SourceLastUpdatedTimestamp did not overwrite');
      assert.ok(seq.profileCount > SETUP.length, 'profiles were inferred within the batch');
    });
  });
}
