// `npm run eval:matching`: each labelled data set through the public API of a real server — CreateProfile
// per record (official SDK), `openprofiles matching run`, GetIdentityResolutionJob, GetMatches — and the
// pair precision/recall/F1 of the match groups at the default threshold (every group GetMatches returns)
// and at the auto-merge threshold (groups whose ConfidenceScore reaches MERGE_THRESHOLD).
// Flags: --direct runs the engine in this process instead (no server); --skip-large leaves out
// splink_historical_50k; --only <text> keeps the sets whose name contains it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { defaultMatcherConfig, findMatches } from '../src/matching/index.js';
import { labelledSets, type SetSource } from './eval-matching/datasets.js';
import { groupMetrics, type PairMetrics } from './eval-matching/metrics.js';
import { evaluateThroughApi } from './eval-matching/through-api.js';
import { serverEnv, startListening } from './processes.js';
import { readRootKey } from './signed-requests.js';

/** The ConfidenceScore a group needs to be auto-merged in this evaluation (docs/decisions.md). */
export const MERGE_THRESHOLD = 0.99;

const root = resolve(process.env.OPENPROFILES_DATASETS ?? '../shared/datasets');
const flag = (name: string) => process.argv.includes(name);
const only = process.argv[process.argv.indexOf('--only') + 1];
const sets = labelledSets(root, !flag('--skip-large')).filter((set) => !flag('--only') || set.name.includes(only ?? ''));
const config = defaultMatcherConfig();
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const STATS_PRELOAD = new URL('./identity-resolution/print-matching-stats.js', import.meta.url).href;

const f = (value: number) => value.toFixed(3);
const prf = (metrics: PairMetrics) => `${f(metrics.precision)} | ${f(metrics.recall)} | ${f(metrics.f1)}`;

function direct(sources: readonly SetSource[]): void {
  console.log('| data set | records | true pairs | pairs compared | EM iterations | precision | recall | F1 | time |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const source of sources) {
    const set = source.load();
    const started = performance.now();
    const result = findMatches(set.records);
    const seconds = (performance.now() - started) / 1000;
    const metrics = groupMetrics(result.clusters, set.entities);
    const converged = result.stats.emConverged ? '' : ' (not converged)';
    console.log(`| ${set.name} | ${set.records.length} | ${metrics.truePairs} | ${result.stats.pairsCompared} | ${result.stats.emIterations}${converged} | ${prf(metrics)} | ${seconds.toFixed(1)} s |`);
  }
}

async function throughApi(sources: readonly SetSource[]): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'op-eval-'));
  const server = await startListening(['--import', STATS_PRELOAD, CLI, 'serve', '--port', '0', '--data-dir', dataDir], serverEnv());
  const client = new CustomerProfilesClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: readRootKey(dataDir), maxAttempts: 3 });
  try {
    console.log(`server ${server.endpoint}; auto-merge threshold ${MERGE_THRESHOLD}`);
    console.log('| data set | records | true pairs | pairs compared | groups | P | R | F1 | P (merge) | R (merge) | F1 (merge) | load | job |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [k, source] of sources.entries()) {
      const set = source.load();
      const target = { client, cliArgs: ['--data-dir', dataDir], cliEntry: CLI, statsPreload: STATS_PRELOAD, concurrency: 16 };
      const result = await evaluateThroughApi(target, set, `eval_${k}`, MERGE_THRESHOLD);
      const cells = [
        `${set.name}${result.status === 'COMPLETED' ? '' : ` (${result.status})`}`,
        set.records.length,
        result.atDefault.truePairs,
        result.pairsCompared ?? '?',
        result.groups,
        prf(result.atDefault),
        prf(result.atMerge),
        `${result.loadSeconds.toFixed(0)} s`,
        `${result.jobSeconds.toFixed(1)} s`,
      ];
      console.log(`| ${cells.join(' | ')} |`);
    }
  } finally {
    client.destroy();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`matcher: threshold ${config.threshold}, ${config.comparisons.length} comparisons, ${config.blockingRules.length} blocking rules; data: ${root}`);
if (flag('--direct')) direct(sets);
else await throughApi(sets);
if (flag('--skip-large')) console.log('splink_historical_50k skipped (--skip-large).');
