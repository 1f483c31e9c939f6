// Conformance cases for the integration repository: upsert keeps createdAt, hidden rows, paging, one domain per uri.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UniqueViolationError } from '../../../src/storage/errors.js';
import type { IntegrationRecord } from '../../../src/storage/ports.js';
import { newScope } from './target.js';
import type { SuiteContext } from './target.js';

function record(domainName: string, uri: string, at: number, extra: Partial<IntegrationRecord> = {}): IntegrationRecord {
  return { domainName, uri, definition: { objectTypeName: 'T' }, hidden: false, createdAt: new Date(at), lastUpdatedAt: new Date(at), ...extra };
}

export function integrationCases(ctx: SuiteContext): void {
  describe('integrations', () => {
    it('puts, replaces keeping createdAt, gets and deletes', async () => {
      const { integrations } = ctx.store();
      const scope = newScope();
      const uri = 'arn:aws:connect:us-east-1:123456789012:instance/abc';
      await integrations.put(scope, record('d1', uri, 1_000));
      await integrations.put(scope, record('d1', uri, 5_000, { definition: { objectTypeName: 'U' }, createdAt: new Date(4_000) }));
      const got = await integrations.get(scope, 'd1', uri);
      assert.deepEqual(got, record('d1', uri, 1_000, { definition: { objectTypeName: 'U' }, lastUpdatedAt: new Date(5_000) }));
      assert.equal(await integrations.get(scope, 'd2', uri), undefined);
      assert.equal(await integrations.get(newScope(), 'd1', uri), undefined);
      assert.equal(await integrations.delete(scope, 'd1', uri), true);
      assert.equal(await integrations.delete(scope, 'd1', uri), false);
      assert.equal(await integrations.get(scope, 'd1', uri), undefined);
    });

    it('lists a domain by uri in code-point order, pages, and leaves hidden ones out unless asked', async () => {
      const { integrations } = ctx.store();
      const scope = newScope();
      for (const uri of ['s3://b/x', 'S3://a', 'arn:z', 'arn:a/b']) await integrations.put(scope, record('d1', uri, 1));
      await integrations.put(scope, record('d1', 'hidden:1', 1, { hidden: true }));
      await integrations.put(scope, record('d2', 'arn:other', 1));
      const visible = { includeHidden: false };
      const first = await integrations.list(scope, 'd1', visible, { limit: 3 });
      assert.deepEqual(first.items.map((item) => item.uri), ['S3://a', 'arn:a/b', 'arn:z']);
      assert.equal(first.nextAfter, 'arn:z');
      const second = await integrations.list(scope, 'd1', visible, { limit: 3, after: first.nextAfter });
      assert.deepEqual(second.items.map((item) => item.uri), ['s3://b/x']);
      assert.equal(second.nextAfter, undefined);
      const all = await integrations.list(scope, 'd1', { includeHidden: true }, { limit: 10 });
      assert.deepEqual(all.items.map((item) => [item.uri, item.hidden]), [['S3://a', false], ['arn:a/b', false], ['arn:z', false], ['hidden:1', true], ['s3://b/x', false]]);
    });

    it('keeps a uri to one domain of a scope, finds it from the scope only, and deletes a whole domain', async () => {
      const { integrations } = ctx.store();
      const scope = newScope();
      const uri = 'arn:aws:appflow:us-east-1:123456789012:flow/f';
      await integrations.put(scope, record('db', uri, 1, { hidden: true }));
      await assert.rejects(integrations.put(scope, record('da', uri, 1)), UniqueViolationError);
      await integrations.put(scope, record('db', uri, 2, { hidden: true }));
      await integrations.put(newScope(), record('dz', uri, 1));
      await integrations.put(scope, record('db', 'other', 1));
      const all = await integrations.listByUri(scope, uri, { includeHidden: true }, { limit: 1 });
      assert.deepEqual(all, { items: [record('db', uri, 1, { hidden: true, lastUpdatedAt: new Date(2) })] });
      assert.deepEqual(await integrations.listByUri(scope, uri, { includeHidden: false }, { limit: 1 }), { items: [] });
      assert.equal((await integrations.listByUri(scope, uri, { includeHidden: true }, { limit: 1, after: 'db' })).items.length, 0);
      await integrations.deleteAllInDomain(scope, 'db');
      assert.deepEqual(await integrations.listByUri(scope, uri, { includeHidden: true }, { limit: 1 }), { items: [] });
      assert.equal(await integrations.get(scope, 'db', 'other'), undefined);
      await integrations.put(scope, record('da', uri, 3));
      assert.deepEqual((await integrations.listByUri(scope, uri, { includeHidden: false }, { limit: 1 })).items.map((item) => item.domainName), ['da']);
    });
  });
}
