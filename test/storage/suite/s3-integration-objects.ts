// Conformance cases for the S3 objects of s3:// integrations: upsert by key, lookup of many keys, scoping, deletes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { S3IntegrationObject } from '../../../src/storage/ports.js';
import { newScope } from './target.js';
import type { SuiteContext } from './target.js';

function row(uri: string, objectKey: string, extra: Partial<S3IntegrationObject> = {}): S3IntegrationObject {
  return { domainName: 'd1', uri, objectKey, etag: '"e1"', recordsDone: 0, ingested: 0, rejected: 0, completed: false, updatedAt: new Date(1_000), ...extra };
}

export function s3IntegrationObjectCases(ctx: SuiteContext): void {
  describe('s3 integration objects', () => {
    it('puts, replaces by key, and finds many keys of one integration only', async () => {
      const { s3IntegrationObjects: objects } = ctx.store();
      const scope = newScope();
      const uri = 's3://bucket/in/';
      await objects.put(scope, row(uri, 'in/a.csv'));
      await objects.put(scope, row(uri, 'in/a.csv', { recordsDone: 500, ingested: 499, rejected: 1, updatedAt: new Date(2_000) }));
      await objects.put(scope, row(uri, 'in/b.json', { completed: true, lastError: 'Parser cannot parse input' }));
      await objects.put(scope, row('s3://bucket/other/', 'in/a.csv', { etag: '"x"' }));
      await objects.put(scope, { ...row(uri, 'in/a.csv'), domainName: 'd2' });
      const found = await objects.getMany(scope, 'd1', uri, ['in/a.csv', 'in/b.json', 'in/missing.csv', 'in/a.csv']);
      assert.deepEqual([...found.keys()].sort(), ['in/a.csv', 'in/b.json']);
      assert.deepEqual(found.get('in/a.csv'), row(uri, 'in/a.csv', { recordsDone: 500, ingested: 499, rejected: 1, updatedAt: new Date(2_000) }));
      assert.deepEqual(found.get('in/b.json'), row(uri, 'in/b.json', { completed: true, lastError: 'Parser cannot parse input' }));
      assert.equal((await objects.getMany(newScope(), 'd1', uri, ['in/a.csv'])).size, 0);
      assert.equal((await objects.getMany(scope, 'd1', uri, [])).size, 0);
    });

    it('forgets one integration, or a whole domain', async () => {
      const { s3IntegrationObjects: objects } = ctx.store();
      const scope = newScope();
      await objects.put(scope, row('s3://b/one', 'one/a.csv'));
      await objects.put(scope, row('s3://b/two', 'two/a.csv'));
      await objects.put(scope, { ...row('s3://b/one', 'one/a.csv'), domainName: 'd2' });
      await objects.deleteIntegration(scope, 'd1', 's3://b/one');
      assert.equal((await objects.getMany(scope, 'd1', 's3://b/one', ['one/a.csv'])).size, 0);
      assert.equal((await objects.getMany(scope, 'd1', 's3://b/two', ['two/a.csv'])).size, 1);
      await objects.deleteAllInDomain(scope, 'd1');
      assert.equal((await objects.getMany(scope, 'd1', 's3://b/two', ['two/a.csv'])).size, 0);
      assert.equal((await objects.getMany(scope, 'd2', 's3://b/one', ['one/a.csv'])).size, 1);
    });
  });
}
