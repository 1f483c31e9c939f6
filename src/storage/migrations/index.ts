// The ordered list of schema migrations, served to Kysely's Migrator from code (no filesystem reads).
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Backend } from '../ports.js';
import { columnTypes } from './column-types.js';
import type { ColumnTypes } from './column-types.js';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-profiles.js';
import * as m0005 from './0005-object-types.js';
import * as m0006 from './0006-profile-objects.js';
import * as m0007 from './0007-jobs.js';
import * as m0008 from './0008-import-checkpoints.js';
import * as m0009 from './0009-profile-keys-by-profile.js';
import * as m0010 from './0010-iam.js';
import * as m0011 from './0011-inferred-profile-claims.js';
import * as m0012 from './0012-integrations.js';
import * as m0013 from './0013-identity-resolution.js';
import * as m0014 from './0014-standard-record-sources.js';
import * as m0015 from './0015-rule-based-matching.js';
import * as m0016 from './0016-workflows.js';
import * as m0017 from './0017-s3-integration-objects.js';
import * as m0018 from './0018-identity-resolution-merges.js';
import * as m0019 from './0019-current-match-jobs.js';
import * as m0020 from './0020-domain-stats.js';
import * as m0021 from './0021-session-token-digests.js';
import * as m0022 from './0022-master-key-check.js';
import * as m0024 from './0024-connector-profile-buckets.js';
import * as m0030 from './0030-access-key-last-used.js';
import * as m0032 from './0032-calculated-attributes.js';

/** A forward-only migration: one function, written once for both dialects. */
interface StorageMigration {
  up(db: Kysely<unknown>, types: ColumnTypes): Promise<void>;
}

/** Names sort in the order they run; never rename or reorder a released one. */
const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: StorageMigration]> = [
  ['0001-initial', m0001],
  ['0002-profiles', m0002],
  ['0005-object-types', m0005],
  ['0006-profile-objects', m0006],
  ['0007-jobs', m0007],
  ['0008-import-checkpoints', m0008],
  ['0009-profile-keys-by-profile', m0009],
  ['0010-iam', m0010],
  ['0011-inferred-profile-claims', m0011],
  ['0012-integrations', m0012],
  ['0013-identity-resolution', m0013],
  ['0014-standard-record-sources', m0014],
  ['0015-rule-based-matching', m0015],
  ['0016-workflows', m0016],
  ['0017-s3-integration-objects', m0017],
  ['0018-identity-resolution-merges', m0018],
  ['0019-current-match-jobs', m0019],
  ['0020-domain-stats', m0020],
  ['0021-session-token-digests', m0021],
  ['0022-master-key-check', m0022],
  ['0024-connector-profile-buckets', m0024],
  ['0030-access-key-last-used', m0030],
  ['0032-calculated-attributes', m0032],
];

export const MIGRATION_NAMES: readonly string[] = MIGRATIONS.map(([name]) => name);

export function migrationProvider(backend: Backend): MigrationProvider {
  const types = columnTypes(backend);
  const bound: Record<string, Migration> = Object.fromEntries(
    MIGRATIONS.map(([name, migration]) => [name, { up: (db: Kysely<unknown>) => migration.up(db, types) }]),
  );
  return { getMigrations: async () => bound };
}
