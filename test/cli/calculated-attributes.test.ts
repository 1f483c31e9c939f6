// `openprofiles calculated-attributes explain` beside a running server on both backends: the objects it lists
// are the ones the value came from, and the value is the one GetCalculatedAttributeForProfile answers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  CreateCalculatedAttributeDefinitionCommand,
  CreateDomainCommand,
  GetCalculatedAttributeForProfileCommand,
  PutProfileObjectCommand,
  SearchProfilesCommand,
} from '@aws-sdk/client-customer-profiles';
import { backends, useServer } from '../support/backends.js';
import { putType } from '../support/objects.js';
import { CLI_ENTRY } from '../support/server.js';

const run = promisify(execFile);

for (const backend of backends()) {
  describe(`calculated-attributes explain on ${backend.name}`, { skip: backend.skip }, () => {
    const server = useServer(backend);
    const explain = (...args: string[]) => {
      const { dataDir, databaseUrl } = server();
      const all = [CLI_ENTRY, 'calculated-attributes', 'explain', ...args, '--data-dir', dataDir];
      if (databaseUrl) all.push('--database', databaseUrl);
      return run(process.execPath, all);
    };

    test('lists the newest ObjectCount objects that passed the filter, oldest first, and the value they make', async () => {
      const client = server().client();
      await client.send(new CreateDomainCommand({ DomainName: 'explained', DefaultExpirationDays: 30 }));
      await putType(client, 'explained', 'Buy', {
        Description: 'purchases',
        AllowProfileCreation: true,
        Fields: { email: { Source: '_source.email', Target: '_profile.EmailAddress' }, id: { Source: '_source.id' } },
        Keys: { _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }], buyId: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['id'] }] },
      });
      await client.send(new CreateCalculatedAttributeDefinitionCommand({
        DomainName: 'explained', CalculatedAttributeName: 'recent_spend', Statistic: 'SUM',
        AttributeDetails: { Attributes: [{ Name: 'amount' }], Expression: '{Buy.amount}' },
        Conditions: { ObjectCount: 2, Range: { Value: 30, Unit: 'DAYS' } },
        Filter: { Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [{ Attributes: { status: { DimensionType: 'EXCLUSIVE', Values: ['refunded'] } } }] }] },
      }));
      for (const [id, amount, status] of [['b1', 5, 'paid'], ['b2', 7, 'refunded'], ['b3', 11, 'paid'], ['b4', 13, 'paid']] as const) {
        await client.send(new PutProfileObjectCommand({ DomainName: 'explained', ObjectTypeName: 'Buy', Object: JSON.stringify({ id, email: 'ann@example.com', amount, status }) }));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const profile = (await client.send(new SearchProfilesCommand({ DomainName: 'explained', KeyName: '_email', Values: ['ann@example.com'] }))).Items![0]!.ProfileId!;
      const value = await client.send(new GetCalculatedAttributeForProfileCommand({ DomainName: 'explained', CalculatedAttributeName: 'recent_spend', ProfileId: profile }));
      const explained = JSON.parse((await explain('recent_spend', '--domain', 'explained', '--profile', profile)).stdout) as {
        Objects: Array<{ ProfileObjectUniqueKey: string; Value: string }>; Value: string; ObjectsAtMost: number; Window: { From: string | null; To: string | null }; IsDataPartial: boolean;
      };
      assert.deepEqual(explained.Objects.map((object) => object.Value), ['11', '13']);
      assert.equal(explained.Value, value.Value);
      assert.equal(explained.Value, '24');
      assert.equal(explained.ObjectsAtMost, 2);
      assert.ok(explained.Window.From && explained.Window.To && Date.parse(explained.Window.To) - Date.parse(explained.Window.From) === 30 * 86_400_000);
      assert.equal(String(explained.IsDataPartial), value.IsDataPartial);

      await assert.rejects(explain('recent_spend', '--domain', 'explained', '--profile', 'f'.repeat(32)), /Profile f{32}/);
    });
  });
}
