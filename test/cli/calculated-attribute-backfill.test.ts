// A UseHistoricalData backfill survives the server being killed: 30,000 objects imported, the definition created,
// the server killed (SIGKILL) while the job is IN_PROGRESS, a new server on the same database goes on from the last
// committed page (its progress never goes back) and the value ends up exact. Both backends.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateCalculatedAttributeDefinitionCommand,
  CreateDomainCommand,
  GetCalculatedAttributeDefinitionCommand,
  GetCalculatedAttributeForProfileCommand,
  SearchProfilesCommand,
  type CustomerProfilesClient,
} from '@aws-sdk/client-customer-profiles';
import { createTempDatabase, postgresSkipReason, type TempDatabase } from '../support/postgres.js';
import { putType } from '../support/objects.js';
import { PURCHASE_TYPE } from '../support/purchases.js';
import { CLI_ENTRY, startServer, type RunningServer } from '../support/server.js';

const run = promisify(execFile);
const OBJECTS = 12_000;
const PROFILES = 300;
/** A lease that runs out soon after the kill, so the new server takes the job over within seconds; small pages, so the job is seen mid-way. */
const ENV = { OPENPROFILES_JOB_LEASE_SECONDS: '1', OPENPROFILES_BACKFILL_PAGE_SIZE: '20' };

for (const backend of ['sqlite', 'postgres'] as const) {
  const skip = backend === 'postgres' ? postgresSkipReason() : undefined;
  describe(`a UseHistoricalData backfill killed mid-way on ${backend}`, { skip }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'op-backfill-kill-'));
    let database: TempDatabase | undefined;
    let server: RunningServer | undefined;
    after(async () => {
      await server?.stop('SIGKILL');
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('goes on from its last page after a restart, and the value is exact', { timeout: 180_000 }, async () => {
      if (backend === 'postgres') database = await createTempDatabase();
      const dataDir = join(dir, 'data');
      const start = () => startServer({ dataDir, env: ENV, ...(database && { databaseUrl: database.url }) });
      server = await start();
      const client = server.client();
      await client.send(new CreateDomainCommand({ DomainName: 'history', DefaultExpirationDays: 365 }));
      await putType(client, 'history', 'Purchase', PURCHASE_TYPE);
      const file = join(dir, 'purchases.jsonl');
      writeFileSync(file, Array.from({ length: OBJECTS }, (_, i) => JSON.stringify({ purchaseId: `p${i}`, email: `user${i % PROFILES}@example.com`, amount: 1 })).join('\n') + '\n');
      const importArgs = [CLI_ENTRY, 'import', file, '--domain', 'history', '--object-type', 'Purchase', '--data-dir', dataDir, ...(database ? ['--database', database.url] : [])];
      assert.deepEqual(JSON.parse((await run(process.execPath, importArgs)).stdout), { Imported: OBJECTS, Rejected: 0, Records: OBJECTS });

      await client.send(new CreateCalculatedAttributeDefinitionCommand({
        DomainName: 'history', CalculatedAttributeName: 'bought', Statistic: 'COUNT', UseHistoricalData: true,
        AttributeDetails: { Attributes: [{ Name: 'amount' }], Expression: '{Purchase.amount}' },
      }));
      const readiness = async (c: CustomerProfilesClient) => {
        const got = await c.send(new GetCalculatedAttributeDefinitionCommand({ DomainName: 'history', CalculatedAttributeName: 'bought' }));
        return { status: got.Status!, progress: got.Readiness!.ProgressPercentage! };
      };
      let before = await readiness(client);
      while (before.status !== 'IN_PROGRESS') {
        assert.notEqual(before.status, 'COMPLETED', 'the backfill finished before the server could be killed');
        before = await readiness(client);
      }
      await server.stop('SIGKILL');
      client.destroy();

      server = await start();
      const again = server.client();
      const seen: number[] = [];
      for (let state = await readiness(again); state.status !== 'COMPLETED'; state = await readiness(again)) {
        seen.push(state.progress);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(seen.every((progress) => progress >= before.progress), `progress went back from ${before.progress}: ${seen.join(', ')}`);
      assert.deepEqual(await readiness(again), { status: 'COMPLETED', progress: 100 });
      const profile = (await again.send(new SearchProfilesCommand({ DomainName: 'history', KeyName: '_email', Values: ['user7@example.com'] }))).Items![0]!.ProfileId!;
      const value = await again.send(new GetCalculatedAttributeForProfileCommand({ DomainName: 'history', CalculatedAttributeName: 'bought', ProfileId: profile }));
      assert.deepEqual([value.Value, value.IsDataPartial], [String(OBJECTS / PROFILES), 'false']);
      again.destroy();
    });
  });
}
