// Calculated attribute definitions through the official SDK (spec api-behaviour-2a §2.1, §3.2, §3.13 CA-1..4,
// CA-15/16 for the definition, CA-20's delete): every create rule answers a 400 naming it and stores nothing,
// updates change only what the model lets them, tags and IAM work on the definition's ARN.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateCalculatedAttributeDefinitionCommand,
  CreateDomainCommand,
  DeleteCalculatedAttributeDefinitionCommand,
  DeleteDomainCommand,
  GetCalculatedAttributeDefinitionCommand,
  ListCalculatedAttributeDefinitionsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UpdateCalculatedAttributeDefinitionCommand,
  type CreateCalculatedAttributeDefinitionCommandInput,
  type CustomerProfilesClient,
} from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import { rejectsWith } from '../support/errors.js';
import { iamClient, policyDocument, userWithPolicies } from '../support/iam.js';
import { putType } from '../support/objects.js';
import { PURCHASE_TYPE } from '../support/purchases.js';
import type { RunningServer } from '../support/server.js';

type Body = Omit<CreateCalculatedAttributeDefinitionCommandInput, 'DomainName' | 'CalculatedAttributeName'>;
const SPEND: Body = {
  AttributeDetails: { Attributes: [{ Name: 'amount' }], Expression: '{Purchase.amount}' },
  Statistic: 'SUM',
  Conditions: { Range: { Value: 30, Unit: 'DAYS' } },
};

for (const backend of backends()) {
  describe(`calculated attribute definitions on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    const create = (domain: string, name: string, body: Body) =>
      client.send(new CreateCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: name, ...body }));
    const names = async (domain: string) =>
      ((await client.send(new ListCalculatedAttributeDefinitionsCommand({ DomainName: domain }))).Items ?? []).map((item) => item.CalculatedAttributeName);
    const newDomain = async (domain: string) => {
      await client.send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 30 }));
      await putType(client, domain, 'Purchase', PURCHASE_TYPE);
      return domain;
    };

    before(async () => {
      server = await backend.start({ env: { OPENPROFILES_CALCULATED_ATTRIBUTES_PER_DOMAIN: '4' } });
      client = server.client();
    });
    after(async () => {
      await server?.stop();
    });

    test('CA-1/CA-2: create echoes the definition, COMPLETED at 100 without historical data; a second create of the name is refused', async () => {
      const domain = await newDomain('ca-create');
      const before = Date.now();
      const created = await create(domain, 'spend', { ...SPEND, DisplayName: 'Spend last 30 days', Description: 'lifetime spend', Tags: { team: 'crm' } });
      assert.equal(created.CalculatedAttributeName, 'spend');
      assert.deepEqual(created.AttributeDetails, SPEND.AttributeDetails);
      assert.deepEqual(created.Conditions, SPEND.Conditions);
      assert.equal(created.Statistic, 'SUM');
      assert.equal(created.Status, 'COMPLETED');
      assert.deepEqual(created.Readiness, { ProgressPercentage: 100 });
      assert.equal(created.UseHistoricalData, undefined);
      assert.deepEqual(created.Tags, { team: 'crm' });
      assert.equal(created.CreatedAt!.getTime(), created.LastUpdatedAt!.getTime());
      assert.ok(created.CreatedAt!.getTime() >= before - 1000 && created.CreatedAt!.getTime() <= Date.now() + 1000);
      const read = await client.send(new GetCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'spend' }));
      const { $metadata: _c, ...createdBody } = created;
      const { $metadata: _r, ...readBody } = read;
      assert.deepEqual(readBody, createdBody);

      await rejectsWith(create(domain, 'spend', { ...SPEND, Statistic: 'COUNT' }), 'BadRequestException', 400, /^Calculated attribute definition with name spend already exists$/);
      const historical = await create(domain, 'spendAll', { ...SPEND, UseHistoricalData: true });
      assert.equal(historical.UseHistoricalData, true);
      assert.equal(historical.Status, 'PREPARING');
      assert.deepEqual(historical.Readiness, { ProgressPercentage: 0 });
    });

    test('CA-3/CA-4: each rule the definition breaks is a 400 naming it, and nothing is stored', async () => {
      const domain = await newDomain('ca-rules');
      const amount = [{ Name: 'amount' }];
      const cases: Array<[string, Body, RegExp]> = [
        ['three attributes', { ...SPEND, AttributeDetails: { Attributes: [{ Name: 'amount' }, { Name: 'qty' }, { Name: 'channel' }], Expression: '{Purchase.amount} + {Purchase.qty}' } }, /rule 3/],
        ['two object types', { ...SPEND, AttributeDetails: { Attributes: [{ Name: 'amount' }, { Name: 'total' }], Expression: '{Purchase.amount} + {Order.total}' } }, /rule 2\).*same object type/],
        ['attributes other than the expression uses', { ...SPEND, AttributeDetails: { Attributes: amount, Expression: '{Purchase.qty}' } }, /rule 3\).*exactly the attributes/],
        ['an unknown object type', { ...SPEND, AttributeDetails: { Attributes: amount, Expression: '{Nope.amount}' } }, /rule 2\): Object type Nope does not exist in domain ca-rules/],
        ['parentheses', { ...SPEND, AttributeDetails: { Attributes: amount, Expression: '({Purchase.amount})' } }, /rule 1\)/],
        ['a constant', { ...SPEND, AttributeDetails: { Attributes: amount, Expression: '{Purchase.amount} * 2' } }, /rule 1\)/],
        ['three terms', { ...SPEND, AttributeDetails: { Attributes: [{ Name: 'amount' }, { Name: 'qty' }], Expression: '{Purchase.amount} * {Purchase.qty} - {Purchase.amount}' } }, /rule 1\)/],
        ['a display name starting with a digit', { ...SPEND, DisplayName: '3 day spend' }, /DisplayName/],
        ['an unknown statistic', { ...SPEND, Statistic: 'MEDIAN' as Body['Statistic'] }, /Statistic/],
        ['an unknown timestamp format', { ...SPEND, Conditions: { Range: { Value: 30, Unit: 'DAYS', TimestampSource: '{Purchase.at}', TimestampFormat: 'RFC2822' } } }, /rule 5\).*EPOCHMILLI or ISO_8601/],
        ['a timestamp source without a format', { ...SPEND, Conditions: { Range: { Value: 30, Unit: 'DAYS', TimestampSource: '{Purchase.at}' } } }, /rule 5\).*together/],
        ['a timestamp source of another type', { ...SPEND, Conditions: { Range: { Value: 30, Unit: 'DAYS', TimestampSource: '{Order.at}', TimestampFormat: 'ISO_8601' } } }, /rule 5\).*Order/],
        ['a window that ends before it starts', { ...SPEND, Conditions: { Range: { Unit: 'DAYS', ValueRange: { Start: 1, End: 5 } } } }, /rule 5\).*ValueRange/],
        ['ObjectCount 0', { ...SPEND, Conditions: { ObjectCount: 0 } }, /ObjectCount/],
        ['ObjectCount 301', { ...SPEND, Conditions: { ObjectCount: 301 } }, /rule 6\)/],
        ['a non-numeric GREATER_THAN threshold', { ...SPEND, Conditions: { Threshold: { Value: 'many', Operator: 'GREATER_THAN' } } }, /rule 7\)/],
        ['BETWEEN with one value', filterWith('BETWEEN', ['1']), /rule 8\).*exactly two/],
        ['a numeric operator on text', filterWith('GREATER_THAN', ['ten']), /rule 8\).*numbers/],
        ['a date operator on text', filterWith('BEFORE', ['yesterday']), /rule 8\).*dates/],
      ];
      for (const [what, body, message] of cases) {
        await rejectsWith(create(domain, 'broken', body), 'BadRequestException', 400, message).catch((error: Error) => assert.fail(`${what}: ${error.message}`));
      }
      assert.deepEqual(await names(domain), []);
      await create(domain, 'ok_filter', filterWith('BETWEEN', ['2026-01-01', '2026-02-01T00:00:00+02:00']));
      await create(domain, 'ok_two', { ...SPEND, AttributeDetails: { Attributes: [{ Name: 'qty' }, { Name: 'amount' }], Expression: ' { Purchase.amount }*{Purchase.qty}' } });
      await create(domain, 'ok_standard', { ...SPEND, AttributeDetails: { Attributes: [{ Name: 'TotalPrice' }], Expression: '{_order.TotalPrice}' } });
      assert.deepEqual(await names(domain), ['ok_filter', 'ok_standard', 'ok_two']);
    });

    test('CA-15/CA-16: update changes DisplayName, Description and Conditions only; the timestamp source is fixed; no Filter in the answer', async () => {
      const domain = await newDomain('ca-update');
      const timed: Body = {
        ...SPEND,
        Conditions: { Range: { Value: 30, Unit: 'DAYS', TimestampSource: '{Purchase.at}', TimestampFormat: 'ISO_8601' }, ObjectCount: 5 },
        Filter: { Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [{ Attributes: { status: { DimensionType: 'INCLUSIVE', Values: ['paid'] } } }] }] },
      };
      const created = await create(domain, 'spend30', { ...timed, DisplayName: 'Spend' });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const updated = await client.send(
        new UpdateCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'spend30', Description: 'ninety days', Conditions: { Range: { Value: 90, Unit: 'DAYS' } } }),
      );
      assert.equal(updated.DisplayName, 'Spend');
      assert.equal(updated.Description, 'ninety days');
      assert.deepEqual(updated.Conditions, { Range: { Value: 90, Unit: 'DAYS', TimestampSource: '{Purchase.at}', TimestampFormat: 'ISO_8601' } });
      assert.equal('Filter' in updated, false);
      assert.equal(updated.CreatedAt!.getTime(), created.CreatedAt!.getTime());
      assert.ok(updated.LastUpdatedAt!.getTime() > created.LastUpdatedAt!.getTime());
      const read = await client.send(new GetCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'spend30' }));
      assert.deepEqual(read.Filter, timed.Filter);
      assert.deepEqual(read.Conditions, updated.Conditions);

      const update = (Conditions: Body['Conditions']) => client.send(new UpdateCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'spend30', Conditions }));
      await rejectsWith(update({ Range: { Value: 90, Unit: 'DAYS', TimestampSource: '{Purchase.other}', TimestampFormat: 'ISO_8601' } }), 'BadRequestException', 400, /TimestampSource cannot be changed/);
      await rejectsWith(update({ ObjectCount: 400 }), 'BadRequestException', 400, /rule 6\)/);
      await rejectsWith(
        client.send(new UpdateCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'nope', DisplayName: 'x' })),
        'ResourceNotFoundException', 404, /Calculated attribute definition nope not found/,
      );
      assert.deepEqual((await client.send(new GetCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'spend30' }))).Conditions, updated.Conditions);
    });

    test('list pages by name; the per-domain quota is the server setting; delete removes the definition and the tags of its ARN', async () => {
      const domain = await newDomain('ca-list');
      for (const name of ['d_four', 'a_one', 'c_three', 'b_two']) await create(domain, name, { ...SPEND, Tags: { n: name } });
      await rejectsWith(create(domain, 'e_five', SPEND), 'BadRequestException', 400, /at most 4 calculated attribute definitions/);
      const first = await client.send(new ListCalculatedAttributeDefinitionsCommand({ DomainName: domain, MaxResults: 3 }));
      assert.deepEqual(first.Items!.map((item) => item.CalculatedAttributeName), ['a_one', 'b_two', 'c_three']);
      assert.deepEqual(Object.keys(first.Items![0]!).sort(), ['CalculatedAttributeName', 'CreatedAt', 'LastUpdatedAt', 'Status', 'Tags']);
      const second = await client.send(new ListCalculatedAttributeDefinitionsCommand({ DomainName: domain, MaxResults: 3, NextToken: first.NextToken }));
      assert.deepEqual(second.Items!.map((item) => item.CalculatedAttributeName), ['d_four']);
      assert.equal(second.NextToken, undefined);

      const arn = `arn:aws:profile:us-east-1:000000000000:domains/${domain}/calculated-attributes/a_one`;
      await client.send(new TagResourceCommand({ resourceArn: arn, tags: { env: 'test' } }));
      assert.deepEqual((await client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, { n: 'a_one', env: 'test' });
      assert.deepEqual(await client.send(new DeleteCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'a_one' })).then(({ $metadata: _, ...rest }) => rest), {});
      await rejectsWith(client.send(new GetCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'a_one' })), 'ResourceNotFoundException', 404);
      await rejectsWith(client.send(new ListTagsForResourceCommand({ resourceArn: arn })), 'ResourceNotFoundException', 404);
      await rejectsWith(client.send(new DeleteCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'a_one' })), 'ResourceNotFoundException', 404);
      const recreated = await create(domain, 'a_one', SPEND);
      assert.equal(recreated.Tags, undefined);

      await client.send(new DeleteDomainCommand({ DomainName: domain }));
      await newDomain(domain);
      assert.deepEqual(await names(domain), []);
      await rejectsWith(client.send(new ListCalculatedAttributeDefinitionsCommand({ DomainName: 'ca-missing' })), 'ResourceNotFoundException', 404);
    });

    test('IAM authorizes each operation on the definition ARN, with aws:ResourceTag and aws:RequestTag', async () => {
      const domain = await newDomain('ca-iam');
      await create(domain, 'open', { ...SPEND, Tags: { team: 'crm' } });
      await create(domain, 'closed', { ...SPEND, Tags: { team: 'finance' } });
      const base = `arn:aws:profile:us-east-1:000000000000:domains/${domain}`;
      const key = await userWithPolicies(iamClient(server), `ca-reader-${backend.name}`, [
        policyDocument(
          { Effect: 'Allow', Action: 'profile:GetCalculatedAttributeDefinition', Resource: base },
          { Effect: 'Allow', Action: 'profile:GetCalculatedAttributeDefinition', Resource: `${base}/calculated-attributes/*`, Condition: { StringEquals: { 'aws:ResourceTag/team': 'crm' } } },
          { Effect: 'Allow', Action: 'profile:CreateCalculatedAttributeDefinition', Resource: [base, `${base}/calculated-attributes/*`], Condition: { StringEquals: { 'aws:RequestTag/team': 'crm' } } },
        ),
      ]);
      const user = server.client({ credentials: key });
      await user.send(new GetCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'open' }));
      await rejectsWith(user.send(new GetCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'closed' })), 'AccessDeniedException', 403, /profile:GetCalculatedAttributeDefinition/);
      await user.send(new CreateCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'mine', ...SPEND, Tags: { team: 'crm' } }));
      await rejectsWith(
        user.send(new CreateCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'theirs', ...SPEND, Tags: { team: 'finance' } })),
        'AccessDeniedException', 403,
      );
      await rejectsWith(user.send(new DeleteCalculatedAttributeDefinitionCommand({ DomainName: domain, CalculatedAttributeName: 'open' })), 'AccessDeniedException', 403);
    });
  });
}

function filterWith(DimensionType: 'BETWEEN' | 'GREATER_THAN' | 'BEFORE', Values: string[]): Body {
  return { ...SPEND, Filter: { Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [{ Attributes: { amount: { DimensionType, Values } } }] }] } };
}
