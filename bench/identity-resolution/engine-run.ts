// Runs the matcher in this process on N synthetic profiles (no server, no storage): time per stage,
// pairs compared, peak memory and pair precision/recall/F1. For tuning; the benchmark proper is
// identity-resolution-1m.ts. Run: node dist/bench/identity-resolution/engine-run.js [profiles]
import { performance } from 'node:perf_hooks';
import { applyChanges } from '../../src/domain/profiles/apply-changes.js';
import { MANUAL_SOURCE } from '../../src/domain/profiles/profile.js';
import { toDocument } from '../../src/domain/profiles/profile-document.js';
import { toMatchRecord } from '../../src/domain/identity-resolution/match-record.js';
import { findMatches, type MatchRecord } from '../../src/matching/index.js';
import { groupMetrics } from '../eval-matching/metrics.js';
import { syntheticProfiles } from './synthetic-people.js';

const count = Number(process.argv[2] ?? 100_000);
const records: MatchRecord[] = [];
const entities: string[] = [];
let started = performance.now();
for (const profile of syntheticProfiles(count)) {
  const { fields } = applyChanges({ fields: {}, sources: {} }, profile.fields, MANUAL_SOURCE);
  records.push(toMatchRecord(String(records.length), toDocument(fields)));
  entities.push(String(profile.entity));
}
console.log(`generated ${count} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
started = performance.now();
const cpu = process.cpuUsage();
const result = findMatches(records);
const seconds = (performance.now() - started) / 1000;
const cpuUsed = process.cpuUsage(cpu);
const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
const metrics = groupMetrics(result.clusters, entities);
console.log(JSON.stringify(result.stats));
console.log(`matched in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU); precision ${metrics.precision.toFixed(4)} recall ${metrics.recall.toFixed(4)} F1 ${metrics.f1.toFixed(4)} (true pairs ${metrics.truePairs}); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

const explainFalse = Number(process.env['EXPLAIN_FALSE'] ?? 0);
if (explainFalse > 0) {
  const { formatExplanation } = await import('../../src/matching/index.js');
  let shown = 0;
  const sizes = new Map<number, number>();
  for (const cluster of result.clusters) sizes.set(cluster.length, (sizes.get(cluster.length) ?? 0) + 1);
  console.log('cluster sizes', JSON.stringify([...sizes].sort((a, b) => a[0] - b[0])));
  let falsePairs = 0;
  for (const pair of result.matches) {
    if (entities[pair.left] === entities[pair.right]) continue;
    falsePairs++;
    if (shown++ >= explainFalse) continue;
    console.log(JSON.stringify(records[pair.left]), '\n', JSON.stringify(records[pair.right]));
    console.log(formatExplanation(result.explain(pair.left, pair.right)));
  }
  console.log(`false matched pairs ${falsePairs} of ${result.matches.length}`);
}
