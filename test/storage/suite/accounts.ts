// Conformance cases for the account and access-key repositories.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { UniqueViolationError } from '../../../src/storage/errors.js';
import type { AccessKeyRecord } from '../../../src/storage/ports.js';
import { afterMigrating } from './migrated.js';
import { newAccountId, uniqueName } from './target.js';
import type { SuiteContext } from './target.js';

export function accountCases(ctx: SuiteContext): void {
  describe('accounts', () => {
    it('creates, gets and lists accounts in id order', async () => {
      const { accounts } = ctx.store();
      const [first, second] = [newAccountId(), newAccountId()].sort();
      const created = await accounts.create(second!, new Date(1_600_000_000_001));
      await accounts.create(first!, new Date(1_600_000_000_002));
      assert.deepEqual(created, { accountId: second, createdAt: new Date(1_600_000_000_001) });
      assert.deepEqual(await accounts.get(second!), created);
      assert.equal(await accounts.get(newAccountId()), undefined);
      const ids = (await accounts.list()).map((account) => account.accountId);
      assert.ok(ids.indexOf(first!) >= 0 && ids.indexOf(first!) < ids.indexOf(second!));
      assert.deepEqual(ids, [...ids].sort());
    });

    it('rejects a duplicate account with UniqueViolationError', async () => {
      const { accounts } = ctx.store();
      const id = newAccountId();
      await accounts.create(id, new Date());
      await assert.rejects(accounts.create(id, new Date()), UniqueViolationError);
    });
  });

  describe('access keys', () => {
    const rootKey = (accountId: string): AccessKeyRecord => ({
      accessKeyId: uniqueName('AKIA').toUpperCase(),
      accountId,
      principalKind: 'root',
      principalName: '',
      sealedSecret: 'sealed:root',
      status: 'Active',
      createdAt: new Date(1_650_000_000_001),
    });

    it('creates and finds keys, with and without the temporary-credential fields', async () => {
      const { accounts, accessKeys } = ctx.store();
      const accountId = newAccountId();
      await accounts.create(accountId, new Date());
      const root = rootKey(accountId);
      const session: AccessKeyRecord = {
        ...rootKey(accountId),
        principalKind: 'role-session',
        principalName: 'admin/session-1',
        status: 'Inactive',
        sessionTokenSha256: 'a'.repeat(64),
        expiresAt: new Date(1_650_000_003_599),
      };
      await accessKeys.create(root);
      await accessKeys.create(session);
      assert.deepEqual(await accessKeys.findById(root.accessKeyId), root);
      assert.deepEqual(await accessKeys.findById(session.accessKeyId), session);
      assert.equal(await accessKeys.findById('AKIADOESNOTEXIST'), undefined);
    });

    it('rejects a duplicate key id with UniqueViolationError', async () => {
      const { accounts, accessKeys } = ctx.store();
      const accountId = newAccountId();
      await accounts.create(accountId, new Date());
      const key = rootKey(accountId);
      await accessKeys.create(key);
      await assert.rejects(accessKeys.create({ ...key, sealedSecret: 'other' }), UniqueViolationError);
    });

    it('lists the keys of one principal, oldest first', async () => {
      const { accounts, accessKeys } = ctx.store();
      const accountId = newAccountId();
      await accounts.create(accountId, new Date());
      const user = (createdAt: number, name = 'alice'): AccessKeyRecord => ({
        ...rootKey(accountId),
        principalKind: 'user',
        principalName: name,
        createdAt: new Date(createdAt),
      });
      const [newer, older, other] = [user(2_000), user(1_000), user(1_500, 'bob')];
      for (const key of [newer, older, other, rootKey(accountId)]) await accessKeys.create(key);
      assert.deepEqual(await accessKeys.listForPrincipal(accountId, 'user', 'alice'), [older, newer]);
      assert.deepEqual(await accessKeys.listForPrincipal(newAccountId(), 'user', 'alice'), []);
    });

    it('keeps the session tokens stored before migration 0021 as their SHA-256 only', async () => {
      const accountId = newAccountId();
      const token = 'FwoGZXIvYXdzEXAMPLE//token+with/slashes==';
      await afterMigrating(
        ctx,
        '0020-domain-stats',
        async (db) => {
          await sql`insert into accounts (account_id, created_at) values (${accountId}, 1)`.execute(db);
          await sql`insert into access_keys (access_key_id, account_id, principal_kind, principal_name, sealed_secret, status, session_token, expires_at, created_at)
            values ('ASIAOLDSESSION000001', ${accountId}, 'role-session', 'r/s', 'sealed', 'Active', ${token}, 5, 1),
                   ('AKIALONGTERM00000001', ${accountId}, 'user', 'u', 'sealed', 'Active', null, null, 1)`.execute(db);
        },
        async (store) => {
          assert.equal((await store.accessKeys.findById('ASIAOLDSESSION000001'))?.sessionTokenSha256, createHash('sha256').update(token).digest('hex'));
          assert.equal((await store.accessKeys.findById('AKIALONGTERM00000001'))?.sessionTokenSha256, undefined);
        },
      );
    });
  });
}
