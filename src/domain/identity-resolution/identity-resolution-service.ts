// Reads of identity resolution (spec §3.9): one job, the domain's jobs newest first, and the match groups
// of the latest job, leaving out profiles deleted or merged away since the job ran.
import type { IdentityResolutionJobRecord, MatchGroupRecord, Scope, Store } from '../../storage/ports.js';
import { domainNotFound, identityResolutionJobNotFound, matchingNotEnabled, sourceNameRequired } from '../errors.js';
import { planMerges } from './auto-merge.js';
import { matchingEnabled, type AutoMergeSettings } from './matching-settings.js';
import { decodeNextToken, encodeNextToken } from '../pagination.js';

export interface JobPage {
  readonly items: IdentityResolutionJobRecord[];
  readonly nextToken?: string;
}

export interface MatchPage {
  readonly matches: MatchGroupRecord[];
  readonly matchGenerationDate?: Date;
  /** Match groups the latest job found. */
  readonly potentialMatches: number;
  readonly nextToken?: string;
}

/** GetAutoMergingPreview's counts over its sample of the latest match groups. */
export interface MergePreview {
  readonly matchesInSample: number;
  readonly profilesInSample: number;
  readonly profilesWillBeMerged: number;
}

/** Groups in a preview's sample: the first ones by MatchId, which is random, so a random sample. */
export const PREVIEW_SAMPLE_GROUPS = 10_000;

export class IdentityResolutionService {
  constructor(private readonly store: Store) {}

  async getJob(scope: Scope, domainName: string, jobId: string): Promise<IdentityResolutionJobRecord> {
    await this.requireDomain(scope, domainName);
    const job = await this.store.identityResolution.getJob(scope, domainName, jobId);
    if (!job) throw identityResolutionJobNotFound(domainName, jobId);
    return job;
  }

  async listJobs(scope: Scope, domainName: string, maxResults: number, nextToken: string | undefined): Promise<JobPage> {
    const list = `identity-resolution-jobs:${domainName}`;
    const after = decodeNextToken(list, scope, nextToken);
    await this.requireDomain(scope, domainName);
    const page = await this.store.identityResolution.listJobs(scope, domainName, { after, limit: maxResults });
    return { items: page.items, ...optionalToken(encodeNextToken(list, scope, page.nextAfter)) };
  }

  async getMatches(scope: Scope, domainName: string, maxResults: number, nextToken: string | undefined): Promise<MatchPage> {
    const list = `matches:${domainName}`;
    const after = decodeNextToken(list, scope, nextToken);
    await this.requireDomain(scope, domainName);
    const page = await this.store.identityResolution.listMatches(scope, domainName, { after, limit: maxResults });
    const first = page.items[0];
    const job = first && (await this.store.identityResolution.getJob(scope, domainName, first.jobId));
    const ids = page.items.flatMap((group) => group.profileIds);
    const existing = new Set((await this.store.profiles.getMany(scope, domainName, ids)).map((profile) => profile.profileId));
    const matches = page.items
      .map((group) => ({ ...group, profileIds: group.profileIds.filter((id) => existing.has(id)) }))
      .filter((group) => group.profileIds.length >= 2);
    return {
      matches,
      ...(first ? { matchGenerationDate: first.generatedAt } : {}),
      potentialMatches: job?.matchesFound ?? 0,
      ...optionalToken(encodeNextToken(list, scope, page.nextAfter)),
    };
  }

  /** GetAutoMergingPreview: the auto-merge decision over a sample of the latest groups, writing nothing. */
  async previewAutoMerge(scope: Scope, domainName: string, settings: AutoMergeSettings): Promise<MergePreview> {
    const domain = await this.store.domains.get(scope, domainName);
    if (!domain) throw domainNotFound(domainName);
    if (!matchingEnabled(domain.matching)) throw matchingNotEnabled(domainName);
    if (settings.conflict.model === 'SOURCE' && !settings.conflict.sourceName) throw sourceNameRequired('ConflictResolution');
    const sample = await this.store.identityResolution.listMatches(scope, domainName, { limit: PREVIEW_SAMPLE_GROUPS });
    const plan = await planMerges(this.store, scope, domainName, sample.items, settings);
    return { matchesInSample: plan.groups, profilesInSample: plan.profiles, profilesWillBeMerged: plan.profilesMerged };
  }

  private async requireDomain(scope: Scope, domainName: string): Promise<void> {
    if (!(await this.store.domains.get(scope, domainName))) throw domainNotFound(domainName);
  }
}

function optionalToken(token: string | undefined): { nextToken?: string } {
  return token === undefined ? {} : { nextToken: token };
}
