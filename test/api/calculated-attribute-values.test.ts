// Calculated attribute values kept by every write and read at the test's clock (spec api-behaviour-2a §3.3–§3.10,
// scenarios CA-5 and CA-7..CA-14, CA-17..CA-20): windows, timestamp sources, ObjectCount, thresholds, every
// statistic, filters, expressions, overrides, merges and deletions, on both backends, without sleeping.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BatchGetCalculatedAttributeForProfileCommand,
  CreateCalculatedAttributeDefinitionCommand,
  CreateDomainCommand,
  CustomerProfilesClient,
  DeleteCalculatedAttributeDefinitionCommand,
  DeleteProfileObjectCommand,
  DeleteProfileObjectTypeCommand,
  GetCalculatedAttributeDefinitionCommand,
  GetCalculatedAttributeForProfileCommand,
  ListCalculatedAttributesForProfileCommand,
  MergeProfilesCommand,
  PutProfileObjectCommand,
  SearchProfilesCommand,
  UpdateCalculatedAttributeDefinitionCommand,
  type CreateCalculatedAttributeDefinitionCommandInput,
} from '@aws-sdk/client-customer-profiles';
import { postgresSkipReason } from '../support/postgres.js';
import { useInProcessServer } from '../support/in-process-server.js';
import { rejectsWith } from '../support/errors.js';
import { putType } from '../support/objects.js';
import { PURCHASE_TYPE } from '../support/purchases.js';
import { calculatedAttributeBackfillHandler } from '../../src/jobs/handlers/calculated-attribute-backfill.js';
import { DEFAULT_BACKFILL_PAGE as BACKFILL_PAGE } from '../../src/domain/calculated-attributes/definition.js';

const DAY = 86_400_000;
type Definition = Omit<CreateCalculatedAttributeDefinitionCommandInput, 'DomainName' | 'CalculatedAttributeName'>;
const on = (attribute: string, Statistic: Definition['Statistic'], Conditions?: Definition['Conditions'], extra: Partial<Definition> = {}): Definition => ({
  AttributeDetails: { Attributes: [{ Name: attribute }], Expression: `{Purchase.${attribute}}` },
  Statistic,
  ...(Conditions && { Conditions }),
  ...extra,
});

for (const backend of ['sqlite', 'postgres'] as const) {
  const skip = backend === 'postgres' ? postgresSkipReason() : undefined;
  describe(`calculated attribute values on ${backend}`, { skip }, () => {
    let now = Date.now();
    const server = useInProcessServer(backend, () => new Date(now));
    /** A client that signs with the test's clock, however far it has moved. */
    const client = () => new CustomerProfilesClient({ endpoint: server().endpoint, region: 'us-east-1', credentials: server().root, maxAttempts: 1, systemClockOffset: now - Date.now() });
    let sequence = 0;
    const put = (domain: string, object: Record<string, unknown>) =>
      client().send(new PutProfileObjectCommand({ DomainName: domain, ObjectTypeName: 'Purchase', Object: JSON.stringify({ purchaseId: `p${++sequence}`, email: 'ann@example.com', ...object }) }));
    const define = (domain: string, name: string, definition: Definition) =>
      client().send(new CreateCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: name, ...definition }));
    const profileOf = async (domain: string, email = 'ann@example.com') =>
      (await client().send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: [email] }))).Items![0]!.ProfileId!;
    const valueOf = async (domain: string, name: string, profileId: string) => {
      const { $metadata: _, ...rest } = await client().send(new GetCalculatedAttributeForProfileCommand({ DomainName: domain, CalculatedAttributeName: name, ProfileId: profileId }));
      return rest;
    };
    const newDomain = async (domain: string) => {
      await client().send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 366 }));
      await putType(client(), domain, 'Purchase', PURCHASE_TYPE);
      return domain;
    };

    test('CA-5: only objects stored after creation count; the 30-day window is partial until it has been covered', async () => {
      const domain = await newDomain('v-new');
      await put(domain, { amount: 10 });
      await put(domain, { amount: 20 });
      now += 1000;
      await define(domain, 'spendNew', on('amount', 'SUM', { Range: { Value: 30, Unit: 'DAYS' } }));
      now += 1000;
      await put(domain, { amount: 5 });
      const t2 = now;
      const profile = await profileOf(domain);
      assert.deepEqual(await valueOf(domain, 'spendNew', profile), { CalculatedAttributeName: 'spendNew', IsDataPartial: 'true', Value: '5', LastObjectTimestamp: new Date(t2) });
      now += 31 * DAY;
      assert.deepEqual(await valueOf(domain, 'spendNew', profile), { CalculatedAttributeName: 'spendNew', IsDataPartial: 'false' });
    });

    test('CA-6: UseHistoricalData indexes what was stored before, a page at a time, and resumes where a stopped run left off', async () => {
      const domain = await newDomain('v-history');
      const scope = { accountId: '000000000000', region: 'us-east-1' };
      const email = (i: number) => (i % 4 === 0 ? 'ann@example.com' : `c${i % 7}@example.com`);
      const texts = Array.from({ length: BACKFILL_PAGE * 2 + 100 }, (_, i) => JSON.stringify({ purchaseId: `h${i}`, email: email(i), amount: 1 }));
      const anns = texts.filter((_, i) => email(i) === 'ann@example.com').length;
      for (let i = 0; i < texts.length; i += 400) await server().container.services.ingestion.putObjects(scope, domain, 'Purchase', texts.slice(i, i + 400));
      now += 1000;
      const created = await define(domain, 'spendAll', on('amount', 'SUM', undefined, { UseHistoricalData: true }));
      assert.deepEqual([created.Status, created.Readiness], ['PREPARING', { ProgressPercentage: 0 }]);
      now += 1000;
      await put(domain, { amount: 5 });
      const profile = await profileOf(domain);
      assert.deepEqual(await valueOf(domain, 'spendAll', profile), { CalculatedAttributeName: 'spendAll', IsDataPartial: 'true', Value: '5', LastObjectTimestamp: new Date(now) });

      // A run that loses its lease after the first page stops there, with that page and its progress committed.
      const handler = calculatedAttributeBackfillHandler(server().container.store, server().container.services.ingestion);
      const job = { id: 'j', kind: 'calculated-attribute-backfill', payload: { domainName: domain, name: 'spendAll', createdAt: created.CreatedAt!.getTime() } };
      await handler({ job: job as never, scope, renew: async () => false });
      const midway = await client().send(new GetCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'spendAll' }));
      assert.deepEqual([midway.Status, midway.Readiness], ['IN_PROGRESS', { ProgressPercentage: Math.floor((BACKFILL_PAGE * 100) / (texts.length)) }]);
      assert.equal((await valueOf(domain, 'spendAll', profile)).IsDataPartial, 'true');

      while ((await server().container.jobs.runOnce()) > 0);
      const done = await client().send(new GetCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'spendAll' }));
      assert.deepEqual([done.Status, done.Readiness], ['COMPLETED', { ProgressPercentage: 100 }]);
      const value = await valueOf(domain, 'spendAll', profile);
      assert.deepEqual([value.Value, value.IsDataPartial], [String(anns + 5), 'false']);
    });

    test('CA-7/CA-8: a timestamp source decides the window, as epoch milliseconds or ISO 8601, reaching into the future with ValueRange', async () => {
      const domain = await newDomain('v-window');
      await define(domain, 'cnt30', on('amount', 'COUNT', { Range: { Value: 30, Unit: 'DAYS', TimestampSource: '{Purchase.purchasedAt}', TimestampFormat: 'EPOCHMILLI' } }));
      await define(domain, 'around', on('amount', 'COUNT', { Range: { Unit: 'DAYS', ValueRange: { Start: 7, End: -7 }, TimestampSource: '{Purchase.at}', TimestampFormat: 'ISO_8601' } }));
      await put(domain, { amount: 1, purchasedAt: String(now - 40 * DAY) });
      await put(domain, { amount: 1, purchasedAt: String(now - 10 * DAY) });
      await put(domain, { amount: 1, purchasedAt: 'yesterday' });
      for (const days of [-8, -1, 3, 9]) await put(domain, { amount: 1, at: new Date(now + days * DAY).toISOString() });
      const profile = await profileOf(domain);
      assert.equal((await valueOf(domain, 'cnt30', profile)).Value, '1');
      assert.equal((await valueOf(domain, 'around', profile)).Value, '2');
      now += 25 * DAY;
      assert.equal((await valueOf(domain, 'cnt30', profile)).Value, '0');
      now -= 25 * DAY;
    });

    test('CA-9..CA-13: ObjectCount keeps the newest, thresholds give "true"/"false", every statistic, two-term expressions', async () => {
      const domain = await newDomain('v-stats');
      await define(domain, 'avg2', on('amount', 'AVERAGE', { ObjectCount: 2 }));
      await define(domain, 'many', on('amount', 'COUNT', { Threshold: { Value: '3', Operator: 'GREATER_THAN' } }));
      await define(domain, 'top', on('channel', 'MAX_OCCURRENCE'));
      await define(domain, 'first', on('channel', 'FIRST_OCCURRENCE'));
      await define(domain, 'last', on('channel', 'LAST_OCCURRENCE'));
      await define(domain, 'low', on('amount', 'MINIMUM'));
      await define(domain, 'high', on('amount', 'MAXIMUM'));
      await define(domain, 'spend', { AttributeDetails: { Attributes: [{ Name: 'amount' }, { Name: 'qty' }], Expression: '{Purchase.amount} * {Purchase.qty}' }, Statistic: 'SUM' });
      const keys: string[] = [];
      for (const [amount, qty, channel] of [[10, 2, 'VOICE'], [20, 'x', 'CHAT'], [40, 3, 'VOICE']] as const) {
        now += 1000;
        keys.push((await put(domain, { amount, qty, channel })).ProfileObjectUniqueKey!);
      }
      const profile = await profileOf(domain);
      const value = async (name: string) => (await valueOf(domain, name, profile)).Value;
      assert.equal(await value('avg2'), '30');
      assert.equal((await valueOf(domain, 'avg2', profile)).IsDataPartial, 'false');
      assert.equal(await value('many'), 'false');
      assert.equal(await value('top'), 'VOICE');
      assert.equal(await value('first'), 'VOICE');
      assert.equal(await value('low'), '10');
      assert.equal(await value('high'), '40');
      assert.equal(await value('spend'), '140');
      now += 1000;
      await put(domain, { amount: 5, channel: 'CHAT' });
      assert.equal(await value('many'), 'true');
      assert.equal(await value('top'), 'CHAT');
      assert.equal(await value('last'), 'CHAT');
      for (const key of keys.slice(0, 2)) await client().send(new DeleteProfileObjectCommand({ DomainName: domain, ProfileId: profile, ObjectTypeName: 'Purchase', ProfileObjectUniqueKey: key }));
      assert.equal(await value('many'), 'false');
      assert.equal(await value('low'), '5');
      assert.equal(await value('spend'), '120');
    });

    test('CA-14: a filter keeps the objects whose attribute passes it', async () => {
      const domain = await newDomain('v-filter');
      await define(domain, 'installed', on('amount', 'COUNT', undefined, {
        Filter: { Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [{ Attributes: { status: { DimensionType: 'INCLUSIVE', Values: ['Installed', 'Registered'] } } }] }] },
      }));
      for (const status of ['Installed', 'Returned', 'registered']) await put(domain, { amount: 1, status });
      assert.equal((await valueOf(domain, 'installed', await profileOf(domain))).Value, '2');
    });

    test('CA-15: a widened window never reaches back past the old one', async () => {
      const domain = await newDomain('v-floor');
      await define(domain, 'spend30', on('amount', 'SUM', { Range: { Value: 30, Unit: 'DAYS', TimestampSource: '{Purchase.at}', TimestampFormat: 'ISO_8601' } }));
      await put(domain, { amount: 7, at: new Date(now - 60 * DAY).toISOString() });
      await put(domain, { amount: 3, at: new Date(now - 5 * DAY).toISOString() });
      await client().send(new UpdateCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'spend30', Conditions: { Range: { Value: 90, Unit: 'DAYS' } } }));
      await put(domain, { amount: 100, at: new Date(now - 60 * DAY).toISOString() });
      assert.equal((await valueOf(domain, 'spend30', await profileOf(domain))).Value, '3');
    });

    test('CA-17..CA-20: unknown profile or definition, profiles without objects, the list, batch reads with overrides, merges and deletion', async () => {
      const domain = await newDomain('v-reads');
      await define(domain, 'a_cnt', on('amount', 'COUNT'));
      await define(domain, 'b_sum', on('amount', 'SUM', { Range: { Value: 30, Unit: 'DAYS', TimestampSource: '{Purchase.at}', TimestampFormat: 'ISO_8601' } }));
      await define(domain, 'c_sum', on('qty', 'SUM'));
      await put(domain, { amount: 2, at: new Date(now - 20 * DAY).toISOString() });
      await put(domain, { amount: 3, at: new Date(now - 2 * DAY).toISOString() });
      await put(domain, { email: 'bob@example.com', amount: 4, at: new Date(now - 1 * DAY).toISOString() });
      const ann = await profileOf(domain);
      const bob = await profileOf(domain, 'bob@example.com');
      const missing = 'f'.repeat(32);
      await rejectsWith(client().send(new GetCalculatedAttributeForProfileCommand({ DomainName: domain, CalculatedAttributeName: 'a_cnt', ProfileId: missing })), 'ResourceNotFoundException', 404);
      await rejectsWith(client().send(new GetCalculatedAttributeForProfileCommand({ DomainName: domain, CalculatedAttributeName: 'nope', ProfileId: ann })), 'ResourceNotFoundException', 404);
      assert.equal((await valueOf(domain, 'c_sum', ann)).Value, undefined);

      const first = await client().send(new ListCalculatedAttributesForProfileCommand({ DomainName: domain, ProfileId: ann, MaxResults: 1 }));
      assert.deepEqual(first.Items!.map((item) => [item.CalculatedAttributeName, item.Value]), [['a_cnt', '2']]);
      const second = await client().send(new ListCalculatedAttributesForProfileCommand({ DomainName: domain, ProfileId: ann, MaxResults: 1, NextToken: first.NextToken }));
      assert.deepEqual(second.Items!.map((item) => [item.CalculatedAttributeName, item.Value]), [['b_sum', '5']]);
      assert.equal(second.NextToken, undefined);

      const batch = await client().send(
        new BatchGetCalculatedAttributeForProfileCommand({ DomainName: domain, CalculatedAttributeName: 'b_sum', ProfileIds: [ann, missing, ann, bob], ConditionOverrides: { Range: { Start: 7, Unit: 'DAYS' } } }),
      );
      assert.deepEqual(batch.CalculatedAttributeValues!.map((value) => [value.ProfileId, value.Value]), [[ann, '3'], [bob, '4']]);
      assert.deepEqual(batch.Errors, [{ ProfileId: missing, Code: 'ResourceNotFoundException', Message: `Profile ${missing} not found` }].map((e) => ({ ...e, Message: batch.Errors![0]!.Message })));
      assert.match(batch.Errors![0]!.Message!, new RegExp(missing));
      assert.deepEqual(batch.ConditionOverrides, { Range: { Start: 7, End: 0, Unit: 'DAYS' } });
      await rejectsWith(
        client().send(new BatchGetCalculatedAttributeForProfileCommand({ DomainName: domain, CalculatedAttributeName: 'b_sum', ProfileIds: [ann], ConditionOverrides: { Range: { Start: 400, Unit: 'DAYS' } } })),
        'BadRequestException', 400, /Start is 400/,
      );

      await client().send(new MergeProfilesCommand({ DomainName: domain, MainProfileId: ann, ProfileIdsToBeMerged: [bob] }));
      assert.equal((await valueOf(domain, 'a_cnt', ann)).Value, '3');
      await rejectsWith(client().send(new GetCalculatedAttributeForProfileCommand({ DomainName: domain, CalculatedAttributeName: 'a_cnt', ProfileId: bob })), 'ResourceNotFoundException', 404);
      await client().send(new DeleteCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'a_cnt' }));
      await define(domain, 'a_cnt', on('amount', 'COUNT'));
      assert.equal((await valueOf(domain, 'a_cnt', ann)).Value, '0', 'a definition created again starts from what is stored after it');
      await put(domain, { amount: 9 });
      assert.equal((await valueOf(domain, 'a_cnt', ann)).Value, '1');
      await client().send(new DeleteProfileObjectTypeCommand({ DomainName: domain, ObjectTypeName: 'Purchase' }));
      assert.equal((await valueOf(domain, 'a_cnt', ann)).Value, '0', 'deleting the object type takes its objects out of every value');
    });
  });
}
