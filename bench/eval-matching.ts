// `npm run eval:matching`: runs the matcher on each labelled data set in process and prints pair precision/recall/F1.
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { defaultMatcherConfig, findMatches } from '../src/matching/index.js';
import { labelledSets } from './eval-matching/datasets.js';
import { groupMetrics } from './eval-matching/metrics.js';

const root = resolve(process.env.OPENPROFILES_DATASETS ?? '../shared/datasets');
const includeLarge = !process.argv.includes('--skip-large');
const config = defaultMatcherConfig();

console.log(`matcher: threshold ${config.threshold}, ${config.comparisons.length} comparisons, ${config.blockingRules.length} blocking rules; data: ${root}`);
console.log('| data set | records | true pairs | pairs compared | EM iterations | precision | recall | F1 | time |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const source of labelledSets(root, includeLarge)) {
  const set = source.load();
  const started = performance.now();
  const result = findMatches(set.records);
  const seconds = (performance.now() - started) / 1000;
  const metrics = groupMetrics(result.clusters, set.entities);
  const cells = [
    set.name,
    set.records.length,
    metrics.truePairs,
    result.stats.pairsCompared,
    `${result.stats.emIterations}${result.stats.emConverged ? '' : ' (not converged)'}`,
    metrics.precision.toFixed(3),
    metrics.recall.toFixed(3),
    metrics.f1.toFixed(3),
    `${seconds.toFixed(1)} s`,
  ];
  console.log(`| ${cells.join(' | ')} |`);
}
if (!includeLarge) console.log('splink_historical_50k skipped (--skip-large).');
