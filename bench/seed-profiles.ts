// Bulk-loads profiles into a SQLite data dir for the benchmark, storing exactly what CreateProfile and
// AddProfileKey would: the same change application, built-in keys and row encoders, in big transactions.
import BetterSqlite3 from 'better-sqlite3';
import type { Scope } from '../src/storage/ports.js';
import { applyChanges } from '../src/domain/profiles/apply-changes.js';
import { MANUAL_SOURCE, type ProfileChanges } from '../src/domain/profiles/profile.js';
import { toDocument } from '../src/domain/profiles/profile-document.js';
import { normalizeOptions } from '../src/domain/profiles/profile-service.js';
import { newProfileId } from '../src/domain/profiles/profile-id.js';
import { standardKeys } from '../src/domain/profiles/standard-keys.js';
import { normalizeKeyValue } from '../src/domain/keys/built-in-keys.js';
import { toProfileRow } from '../src/storage/kysely/profiles.js';
import { toKeyRow } from '../src/storage/kysely/profile-keys.js';

export const CUSTOM_KEY = 'loyaltyId';

/** The n-th seeded profile, as a CreateProfile request would give it. */
export function seededChanges(n: number): ProfileChanges {
  return {
    firstName: `First${n}`,
    lastName: `Last${n}`,
    emailAddress: `user${n}@example.com`,
    phoneNumber: `+1206${String(n).padStart(7, '0')}`,
    attributes: { segment: `s${n % 10}` },
  };
}

export function customKeyValue(n: number): string {
  return `L${n}`;
}

function insertStatement(db: BetterSqlite3.Database, table: string, columns: readonly string[]): BetterSqlite3.Statement {
  return db.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
}

export interface SeedOptions {
  /** The n-th profile's CreateProfile changes (default: seededChanges). */
  readonly changesOf?: (n: number) => ProfileChanges;
  /** Told each profile's id as it is stored. */
  readonly onSeeded?: (n: number, profileId: string) => void;
}

/** Inserts profiles 0..count-1 into `domainName` (which must exist) in `file`, a migrated database. */
export function seedProfiles(file: string, scope: Scope, domainName: string, count: number, progress: (done: number) => void, seedOptions: SeedOptions = {}): void {
  const changesOf = seedOptions.changesOf ?? seededChanges;
  const db = new BetterSqlite3(file);
  // Bulk load only: durability does not matter until the load is done (the file is checkpointed at close).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const options = normalizeOptions(scope);
  const now = new Date();
  let profileInsert: BetterSqlite3.Statement | undefined;
  let keyInsert: BetterSqlite3.Statement | undefined;
  const batch = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const profileId = newProfileId();
      const { fields, sources } = applyChanges({ fields: {}, sources: {} }, changesOf(n), MANUAL_SOURCE);
      seedOptions.onSeeded?.(n, profileId);
      const row = toProfileRow(scope, domainName, { profileId, fields: toDocument(fields), sources, version: 1, createdAt: now, lastUpdatedAt: now });
      profileInsert ??= insertStatement(db, 'profiles', Object.keys(row));
      profileInsert.run(row);
      const keys = [
        ...standardKeys(profileId, fields, options),
        { keyName: CUSTOM_KEY, value: normalizeKeyValue(CUSTOM_KEY, customKeyValue(n), options), profileId, origin: 'custom' as const },
      ];
      for (const key of keys) {
        const keyRow = toKeyRow(scope, domainName, key);
        keyInsert ??= insertStatement(db, 'profile_keys', Object.keys(keyRow));
        keyInsert.run(keyRow);
      }
    }
  });
  const BATCH = 20_000;
  for (let from = 0; from < count; from += BATCH) {
    batch(from, Math.min(count, from + BATCH));
    progress(Math.min(count, from + BATCH));
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  // No ANALYZE: the server never runs it, and with the statistics it writes (sqlite_stat4, compiled
  // into better-sqlite3's SQLite) every statement that compares a bound value to an indexed column
  // is planned again on every call — the search statement then costs ~5× as much.
  db.close();
}
