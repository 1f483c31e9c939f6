// Conformance cases for the domain repository: CRUD, patch semantics, JSON, paging, counting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UniqueViolationError } from '../../../src/storage/errors.js';
import type { DomainRecord, JsonValue, Scope, Store } from '../../../src/storage/ports.js';
import { domainRecord, newScope } from './target.js';
import type { SuiteContext } from './target.js';

const MATCHING: JsonValue = {
  Enabled: true,
  JobSchedule: { DayOfTheWeek: 'MONDAY', Time: '03:00' },
  AutoMerging: {
    Enabled: false,
    Consolidation: { MatchingAttributesList: [['EmailAddress'], ['Phone', 'LastName']] },
    MinAllowedConfidenceScoreForMerging: 0.123456789012345,
  },
  Numbers: [0, -1, 1.5e300, 2 ** 53 - 1, 5e-324],
  Nothing: null,
  Text: 'é 日本 "quoted" \\ \n',
};

export function domainCases(ctx: SuiteContext): void {
  describe('domains', () => {
    it('creates and gets a domain with every field, JSON and milliseconds intact', async () => {
      const { domains } = ctx.store();
      const scope = newScope();
      const full = domainRecord('full', {
        defaultEncryptionKey: 'arn:aws:kms:us-east-1:123456789012:key/abc',
        deadLetterQueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/dlq',
        matching: MATCHING,
        ruleBasedMatching: { Enabled: true, MatchingRules: [{ Rule: ['Email'] }], MaxAllowedRuleLevelForMatching: 4 },
        dataStore: { Enabled: false },
      });
      await domains.create(scope, full);
      await domains.create(scope, domainRecord('bare'));
      assert.deepEqual(await domains.get(scope, 'full'), full);
      assert.deepEqual(await domains.get(scope, 'bare'), domainRecord('bare'));
      assert.equal(await domains.get(scope, 'missing'), undefined);
    });

    it('rejects a duplicate name with UniqueViolationError', async () => {
      const { domains } = ctx.store();
      const scope = newScope();
      await domains.create(scope, domainRecord('dup'));
      await assert.rejects(domains.create(scope, domainRecord('dup', { defaultExpirationDays: 1 })), UniqueViolationError);
    });

    it('updates with a patch: null clears, absent keeps, values replace', async () => {
      const { domains } = ctx.store();
      const scope = newScope();
      const original = domainRecord('patched', {
        defaultEncryptionKey: 'key-1',
        deadLetterQueueUrl: 'https://example.com/dlq',
        matching: { Enabled: false },
        dataStore: { Enabled: true },
      });
      await domains.create(scope, original);
      const lastUpdatedAt = new Date(1_800_000_000_999);
      const updated = await domains.update(scope, 'patched', {
        defaultExpirationDays: 30,
        deadLetterQueueUrl: null,
        matching: MATCHING,
        ruleBasedMatching: { Enabled: true },
        lastUpdatedAt,
      });
      const { deadLetterQueueUrl: _cleared, ...kept } = original;
      const expected: DomainRecord = { ...kept, defaultExpirationDays: 30, matching: MATCHING, ruleBasedMatching: { Enabled: true }, lastUpdatedAt };
      assert.deepEqual(updated, expected);
      assert.deepEqual(await domains.get(scope, 'patched'), expected);

      const cleared = await domains.update(scope, 'patched', { defaultEncryptionKey: null, matching: null, lastUpdatedAt });
      const { defaultEncryptionKey: _key, matching: _matching, ...rest } = expected;
      assert.deepEqual(cleared, rest);
      assert.equal(await domains.update(scope, 'missing', { lastUpdatedAt }), undefined);
    });

    it('deletes a domain once', async () => {
      const { domains } = ctx.store();
      const scope = newScope();
      await domains.create(scope, domainRecord('gone'));
      assert.equal(await domains.delete(scope, 'gone'), true);
      assert.equal(await domains.get(scope, 'gone'), undefined);
      assert.equal(await domains.delete(scope, 'gone'), false);
    });

    it('pages through domains in name order, nextAfter only while more follow', async () => {
      const { domains } = ctx.store();
      const scope = newScope();
      for (const name of ['d3', 'd1', 'd5', 'd2', 'd4']) await domains.create(scope, domainRecord(name));
      const pages = await allPages(ctx.store(), scope, 2);
      assert.deepEqual(pages.map((page) => page.names), [['d1', 'd2'], ['d3', 'd4'], ['d5']]);
      assert.deepEqual(pages.map((page) => page.nextAfter), ['d2', 'd4', undefined]);
      const exact = await domains.list(scope, { limit: 5 });
      assert.deepEqual([exact.items.length, exact.nextAfter], [5, undefined]);
      assert.deepEqual(await domains.list(scope, { limit: 2, after: 'd5' }), { items: [] });
      assert.deepEqual(await domains.list(newScope(), { limit: 2 }), { items: [] });
    });

    it('orders names by code point whatever the database collation', async () => {
      const { domains } = ctx.store();
      const scope = newScope();
      const names = ['b', 'B', 'a-z', 'a_z', 'aZ', 'az', '_x', '-y', 'A', 'a1', 'ä'];
      for (const name of names) await domains.create(scope, domainRecord(name));
      const listed = (await allPages(ctx.store(), scope, 3)).flatMap((page) => page.names);
      assert.deepEqual(listed, [...names].sort());
    });

    it('counts the domains of a scope', async () => {
      const { domains } = ctx.store();
      const scope = newScope();
      assert.equal(await domains.count(scope), 0);
      for (const name of ['c1', 'c2', 'c3']) await domains.create(scope, domainRecord(name));
      assert.equal(await domains.count(scope), 3);
    });
  });
}

interface ListedPage {
  readonly items: DomainRecord[];
  readonly names: string[];
  readonly nextAfter: string | undefined;
}

async function allPages(store: Store, scope: Scope, limit: number): Promise<ListedPage[]> {
  const pages: ListedPage[] = [];
  let after: string | undefined;
  do {
    const page = await store.domains.list(scope, after === undefined ? { limit } : { limit, after });
    pages.push({ items: page.items, names: page.items.map((domain) => domain.name), nextAfter: page.nextAfter });
    after = page.nextAfter;
    assert.ok(pages.length <= 100, 'paging does not terminate');
  } while (after !== undefined);
  return pages;
}
