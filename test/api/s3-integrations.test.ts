// s3:// integrations through a real server on every backend, reading from a real S3-protocol server:
// PutIntegration by the official SDK, objects (CSV, JSON Lines, JSON array) appear under the prefix, the
// profiles are then found by SearchProfiles; each object is ingested once, also across a restart. The account
// reads with the server's own S3 setting, granted to it by the operator (--s3-accounts): the single-tenant
// set-up. Per-account credentials (connector profiles) and the refusals: test/api/s3-tenancy.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import {
  DeleteIntegrationCommand,
  PutIntegrationCommand,
  SearchProfilesCommand,
  UpdateProfileCommand,
  type CustomerProfilesClient,
  type Profile,
} from '@aws-sdk/client-customer-profiles';
import { createTempDatabase, postgresSkipReason, type TempDatabase } from '../support/postgres.js';
import { startServer, type RunningServer } from '../support/server.js';
import { startS3Server, type RunningS3 } from '../support/s3-server.js';
import { newDomain } from '../support/profiles.js';
import { listObjects, putType } from '../support/objects.js';

const BUCKET = 'profile-drops';

const CUSTOMER_TYPE = {
  Description: 'customers from files',
  AllowProfileCreation: true,
  SourcePriority: 1,
  Fields: {
    customerId: { Source: '_source.customerId', ContentType: 'STRING' as const },
    email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' as const },
    firstName: { Source: '_source.firstName', Target: '_profile.FirstName', ContentType: 'NAME' as const },
  },
  Keys: {
    customerId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['customerId'] }],
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
  },
};
const ORDER_TYPE = {
  Description: 'orders from files',
  AllowProfileCreation: true,
  Fields: {
    orderId: { Source: '_source.orderId', ContentType: 'STRING' as const },
    email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' as const },
  },
  Keys: {
    orderId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['orderId'] }],
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
  },
};

/** The database of a backend, kept across server restarts. */
interface Backing {
  readonly dataDir: string;
  readonly database?: TempDatabase;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

for (const backend of ['sqlite', 'postgres'] as const) {
  const skip = backend === 'postgres' ? postgresSkipReason() : undefined;
  describe(`s3:// integrations on ${backend}`, { skip }, () => {
    let s3: RunningS3;
    let backing: Backing;
    let server: RunningServer;
    let client: CustomerProfilesClient;
    let domain: string;

    const start = async () => {
      server = await startServer({
        dataDir: backing.dataDir,
        databaseUrl: backing.database?.url,
        extraArgs: ['--s3-endpoint', s3.endpoint, '--s3-poll-seconds', '0.2'],
        env: {
          OPENPROFILES_S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
          OPENPROFILES_S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
          OPENPROFILES_S3_ACCOUNTS: '000000000000',
        },
      });
      client = server.client();
    };
    const drop = (key: string, body: string) => s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
    const byEmail = async (email: string): Promise<Profile | undefined> =>
      (await client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: [email] }))).Items?.[0];
    const profileOf = (email: string) => waitFor(`the profile of ${email}`, () => byEmail(email));

    before(async () => {
      s3 = await startS3Server();
      await s3.createBucket(BUCKET);
      backing = { dataDir: mkdtempSync(join(tmpdir(), 'op-s3-int-')), database: backend === 'postgres' ? await createTempDatabase() : undefined };
      await start();
      domain = await newDomain(client, 's3int');
      await putType(client, domain, 'Customer', CUSTOMER_TYPE);
      await putType(client, domain, 'Order', ORDER_TYPE);
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
      await backing?.database?.drop();
      if (backing) rmSync(backing.dataDir, { recursive: true, force: true });
      await s3?.stop();
    });

    test('CSV, JSON Lines and JSON-array objects under the prefix are ingested; others are left alone', async () => {
      const prefix = `${domain}/incoming/`;
      await drop(`${prefix}2024-05-01.csv`, 'customerId,email,firstName\nc-1,ada@example.com,Ada\nc-2,grace@example.com,Grace\n');
      await drop(`${prefix}2024-05-02.jsonl`, '{"customerId":"c-3","email":"linus@example.com","firstName":"Linus"}\n\n{"customerId":"c-4","email":"barbara@example.com","firstName":"Barbara"}\n');
      await drop(`${prefix}notes.txt`, 'customerId,email\nc-x,notes@example.com\n');
      await drop(`${domain}/elsewhere/other.csv`, 'customerId,email\nc-y,elsewhere@example.com\n');
      await client.send(new PutIntegrationCommand({ DomainName: domain, Uri: `s3://${BUCKET}/${prefix}`, ObjectTypeName: 'Customer' }));
      await drop(`${prefix}later.json`, JSON.stringify([{ customerId: 'c-5', email: 'margaret@example.com', firstName: 'Margaret' }]));

      for (const [email, name] of [['ada@example.com', 'Ada'], ['grace@example.com', 'Grace'], ['linus@example.com', 'Linus'], ['barbara@example.com', 'Barbara'], ['margaret@example.com', 'Margaret']] as const) {
        assert.equal((await profileOf(email)).FirstName, name);
      }
      assert.equal(await byEmail('notes@example.com'), undefined);
      assert.equal(await byEmail('elsewhere@example.com'), undefined);
    });

    test('with ObjectTypeNames the first folder below the prefix names the entry', async () => {
      const prefix = `${domain}/feeds`;
      await client.send(new PutIntegrationCommand({ DomainName: domain, Uri: `s3://${BUCKET}/${prefix}`, ObjectTypeNames: { customers: 'Customer', orders: 'Order' } }));
      await drop(`${prefix}/customers/a.csv`, 'customerId,email,firstName\nf-1,hedy@example.com,Hedy\n');
      await drop(`${prefix}/orders/a.jsonl`, '{"orderId":"o-1","email":"hedy@example.com"}\n');
      await drop(`${prefix}/unmapped/a.csv`, 'customerId,email\nf-9,unmapped@example.com\n');
      const hedy = await profileOf('hedy@example.com');
      const orders = await waitFor('the order', async () => {
        const found = await listObjects(client, domain, hedy.ProfileId!, 'Order');
        return found.length > 0 ? found : undefined;
      });
      assert.deepEqual(orders.map((order) => order.object['orderId']), ['o-1']);
      assert.equal(await byEmail('unmapped@example.com'), undefined);
    });

    test('a bad object does not stop the others; each object is ingested once, also after a restart; a changed object is read again', async () => {
      const prefix = `${domain}/once/`;
      await client.send(new PutIntegrationCommand({ DomainName: domain, Uri: `s3://${BUCKET}/${prefix}`, ObjectTypeName: 'Customer' }));
      await drop(`${prefix}a-broken.json`, '[{"customerId": "b-1", "email": "broken@example.com"}, {oops');
      await drop(`${prefix}b.csv`, 'customerId,email,firstName\no-1,once@example.com,Original\n');
      // a-broken.json is listed first: b.csv after it is ingested all the same.
      const once = await profileOf('once@example.com');
      // A manual edit: only re-ingesting b.csv (its type has a SourcePriority) would overwrite it.
      await client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: once.ProfileId!, FirstName: 'Edited' }));

      await server.stop();
      await start();
      await drop(`${prefix}c.jsonl`, '{"customerId":"o-2","email":"after-restart@example.com","firstName":"After"}\n');
      assert.equal((await profileOf('after-restart@example.com')).FirstName, 'After');
      assert.equal((await byEmail('once@example.com'))?.FirstName, 'Edited');

      await drop(`${prefix}b.csv`, 'customerId,email,firstName\no-1,once@example.com,Rewritten\n');
      await waitFor('the rewritten object', async () => ((await byEmail('once@example.com'))?.FirstName === 'Rewritten' ? true : undefined));
    });

    test('after DeleteIntegration new objects under its prefix are not ingested', async () => {
      const prefix = `${domain}/gone/`;
      const uri = `s3://${BUCKET}/${prefix}`;
      await client.send(new PutIntegrationCommand({ DomainName: domain, Uri: uri, ObjectTypeName: 'Customer' }));
      await drop(`${prefix}a.csv`, 'customerId,email\ng-1,before-delete@example.com\n');
      await profileOf('before-delete@example.com');
      await client.send(new DeleteIntegrationCommand({ DomainName: domain, Uri: uri }));
      await drop(`${prefix}b.csv`, 'customerId,email\ng-2,after-delete@example.com\n');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(await byEmail('after-delete@example.com'), undefined);
    });
  });
}
