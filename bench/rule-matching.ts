// Benchmark (not a test) of rule-based matching on SQLite (or PostgreSQL with BENCH_DATABASE_URL): the
// first evaluation of a domain of N profiles with 10% duplicates, then one run over 500 new writes, and an
// idle run, each against the time the same profiles took to write in this run (the baseline).
// Run: npm run bench:rule-matching   (BENCH_PROFILES=20000 by default; writes are 10 ms apart on the
// injected clock, a busy domain of 100 writes/s, which sets how many fall in the watermark's overlap)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../src/storage/open-store.js';
import { DomainService } from '../src/domain/domains/domain-service.js';
import { outboundAccess } from '../src/domain/outbound/outbound-access.js';
import { ConnectorProfiles } from '../src/domain/workflows/connector-profiles.js';
import { SecretBox } from '../src/domain/secrets/secret-box.js';
import { readConfig } from '../src/config.js';
import { ProfileService } from '../src/domain/profiles/profile-service.js';
import { JobRunner } from '../src/jobs/runner.js';
import { jobHandlers } from '../src/jobs/handlers/index.js';
import { RULE_MATCHING_INTERVAL_MS } from '../src/jobs/handlers/rule-matching.js';
import type { ProfileChanges } from '../src/domain/profiles/profile.js';

const N = Number(process.env['BENCH_PROFILES'] ?? 20_000);
const LATER = 500;
const scope = { accountId: '000000000000', region: 'us-east-1' };
const dir = mkdtempSync(join(tmpdir(), 'op-bench-rules-'));
const url = process.env['BENCH_DATABASE_URL'];
const store = await openStore(url ? { kind: 'postgres', url } : { kind: 'sqlite', file: join(dir, 'bench.db') });
let now = Date.UTC(2026, 0, 1);
const clock = () => new Date(now);
// Domains here export nothing and send no dead letters: an account without outbound credentials.
const outbound = outboundAccess(new ConnectorProfiles(store, SecretBox.fromText('bench'), clock), readConfig({}, {}));
const domains = new DomainService(store, clock, outbound);
const profiles = new ProfileService(store, clock);
const runner = new JobRunner(store, clock, jobHandlers(store, clock));

const person = (i: number): ProfileChanges => {
  const n = i % Math.floor(N * 0.9); // the last tenth repeats earlier people
  return { firstName: `First${n}`, lastName: `Last${n % 997}`, emailAddress: `user${n}@example.com`, address: { city: `City${n % 101}` } };
};
const write = async (from: number, count: number) => {
  const started = performance.now();
  for (let i = from; i < from + count; i++) {
    now += 10;
    await profiles.create(scope, 'bench', person(i));
  }
  return performance.now() - started;
};
const run = async () => {
  now += RULE_MATCHING_INTERVAL_MS + 1;
  const started = performance.now();
  await runner.runOnce();
  return performance.now() - started;
};

try {
  await domains.create(scope, { name: 'bench', defaultExpirationDays: 30 });
  const writeAll = await write(0, N);
  await domains.update(scope, 'bench', {
    ruleBasedMatching: { Enabled: true, MatchingRules: [{ Rule: ['EmailAddress'] }, { Rule: ['FirstName', 'LastName', 'Address.City'] }], MaxAllowedRuleLevelForMatching: 2 },
  });
  const build = await run();
  const groups = await store.ruleMatching.listGroups(scope, 'bench', { limit: 100_000 });
  const writeLater = await write(N, LATER);
  const refresh = await run();
  const idle = await run();
  const row = (label: string, ms: number, base: number) => console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(8)} ms   ${(ms / base).toFixed(2)}× baseline`);
  console.log(`${store.backend}, ${N} profiles (${groups.items.length} groups found), machine shared with other work: wall-clock figures are indicative`);
  row(`baseline: writing ${N} profiles`, writeAll, writeAll);
  row(`first evaluation of ${N} profiles`, build, writeAll);
  row(`baseline: writing ${LATER} more`, writeLater, writeLater);
  row(`one run over those ${LATER} writes`, refresh, writeLater);
  row('an idle run (nothing written)', idle, writeLater / LATER);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
