// Runs the storage conformance suite against SQLite and, when configured, PostgreSQL.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { postgresAdminUrl } from '../support/postgres.js';
import { storageSuite } from './suite/index.js';
import { postgresTarget, sqliteTarget } from './targets.js';

describe('storage conformance: sqlite', () => storageSuite(sqliteTarget()));

if (postgresAdminUrl() !== undefined) {
  describe('storage conformance: postgres', () => storageSuite(postgresTarget()));
} else if (process.env['CI'] === 'true') {
  describe('storage conformance: postgres', () => {
    it('has a PostgreSQL to run against', () => {
      assert.fail('CI=true but OPENPROFILES_TEST_DATABASE_URL is unset: CI must run the PostgreSQL backend too');
    });
  });
} else {
  describe('storage conformance: postgres', { skip: 'PostgreSQL not configured (OPENPROFILES_TEST_DATABASE_URL unset)' }, () => {});
}
