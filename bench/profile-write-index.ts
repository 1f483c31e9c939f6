// Benchmark (not a test) of what the rule engine's index on profiles(last_updated_at) costs a profile write:
// 300 CreateProfile and 600 UpdateProfile on SQLite, with the index (WITH_INDEX=1) or with it dropped.
// Wall clock is noise on a shared machine; compare instruction counts of the two runs:
//   for w in 1 0; do WITH_INDEX=$w valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.$w node dist/bench/profile-write-index.js; done
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../src/storage/open-store.js';
import { DomainService } from '../src/domain/domains/domain-service.js';
import { outboundAccess } from '../src/domain/outbound/outbound-access.js';
import { ConnectorProfiles } from '../src/domain/workflows/connector-profiles.js';
import { SecretBox } from '../src/domain/secrets/secret-box.js';
import { readConfig } from '../src/config.js';
import { ProfileService } from '../src/domain/profiles/profile-service.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };
const dir = mkdtempSync(join(tmpdir(), 'op-bench-index-'));
const file = join(dir, 'bench.db');
await (await openStore({ kind: 'sqlite', file })).close();
if (process.env['WITH_INDEX'] !== '1') {
  const db = new Database(file);
  db.exec('DROP INDEX profiles_updated_idx');
  db.close();
}
const store = await openStore({ kind: 'sqlite', file });
let now = Date.UTC(2026, 0, 1);
const clock = () => new Date(now++);
const outbound = outboundAccess(new ConnectorProfiles(store, SecretBox.fromText('bench'), clock), readConfig({}, {}));
await new DomainService(store, clock, outbound).create(scope, { name: 'd', defaultExpirationDays: 30 });
const profiles = new ProfileService(store, clock);
const ids: string[] = [];
for (let i = 0; i < 300; i++) ids.push(await profiles.create(scope, 'd', { firstName: `w${i}`, emailAddress: `u${i}@example.com` }));
for (let i = 0; i < 600; i++) await profiles.update(scope, 'd', ids[i % ids.length]!, { lastName: `L${i}` });
await store.close();
rmSync(dir, { recursive: true, force: true });
