// Evaluates one labelled data set through the public API of a running server: CreateProfile for each
// record (official SDK), `openprofiles matching run --domain D` (the CLI, the same job path as a
// schedule), GetIdentityResolutionJob, then every GetMatches page; pairs are scored against the labels.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { performance } from 'node:perf_hooks';
import {
  CreateDomainCommand,
  GetIdentityResolutionJobCommand,
  GetMatchesCommand,
  type CustomerProfilesClient,
  type MatchItem,
} from '@aws-sdk/client-customer-profiles';
import { groupMetrics, type PairMetrics } from './metrics.js';
import type { LabelledSet } from './datasets.js';
import { createProfiles } from './create-profiles.js';

const run = promisify(execFile);

export interface ApiEvaluation {
  readonly atDefault: PairMetrics;
  readonly atMerge: PairMetrics;
  readonly status: string;
  readonly groups: number;
  readonly pairsCompared: number | undefined;
  readonly loadSeconds: number;
  readonly jobSeconds: number;
}

export interface ApiTarget {
  readonly client: CustomerProfilesClient;
  /** Arguments that point the CLI at the server's data (--data-dir …). */
  readonly cliArgs: readonly string[];
  readonly cliEntry: string;
  /** `--import` module that prints the matcher's stats line. */
  readonly statsPreload: string;
  readonly concurrency: number;
}

async function allMatches(client: CustomerProfilesClient, domainName: string): Promise<MatchItem[]> {
  const items: MatchItem[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new GetMatchesCommand({ DomainName: domainName, MaxResults: 100, NextToken: nextToken }));
    items.push(...(page.Matches ?? []));
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return items;
}

export async function evaluateThroughApi(target: ApiTarget, set: LabelledSet, domainName: string, mergeThreshold: number): Promise<ApiEvaluation> {
  const { client } = target;
  await client.send(new CreateDomainCommand({ DomainName: domainName, DefaultExpirationDays: 365 }));
  let started = performance.now();
  const ids = await createProfiles(client, domainName, set.records, target.concurrency);
  const loadSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const { stdout } = await run(process.execPath, ['--import', target.statsPreload, target.cliEntry, 'matching', 'run', '--domain', domainName, ...target.cliArgs], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const jobId = (JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { JobId?: string }).JobId;
  const job = await client.send(new GetIdentityResolutionJobCommand({ DomainName: domainName, JobId: jobId }));
  const jobSeconds = (performance.now() - started) / 1000;
  const stats = /matching-stats (\{.*\})/.exec(stdout)?.[1];

  const index = new Map(ids.map((id, i) => [id, i]));
  const matches = await allMatches(client, domainName);
  const groupsAbove = (threshold: number) =>
    matches.filter((item) => (item.ConfidenceScore ?? 0) >= threshold).map((item) => (item.ProfileIds ?? []).map((id) => index.get(id) ?? -1).filter((i) => i >= 0));
  return {
    atDefault: groupMetrics(groupsAbove(0), set.entities),
    atMerge: groupMetrics(groupsAbove(mergeThreshold), set.entities),
    status: job.Status ?? 'unknown',
    groups: matches.length,
    pairsCompared: stats === undefined ? undefined : (JSON.parse(stats) as { pairsCompared: number }).pairsCompared,
    loadSeconds,
    jobSeconds,
  };
}
