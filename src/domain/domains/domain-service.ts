// Domains: create, read, update, delete and list (spec §3.1), with their tags kept beside them.
import type { DomainRecord, DomainStats, JsonValue, Repositories, Scope, Store, Tags } from '../../storage/ports.js';
import { UniqueViolationError } from '../../storage/errors.js';
import type { Clock } from '../clock.js';
import { domainArn } from '../arn.js';
import { domainAlreadyExists, domainNotFound, tooManyTags } from '../errors.js';
import { decodeNextToken, encodeNextToken } from '../pagination.js';
import { scheduleDomainExpiry } from '../../jobs/handlers/expire-domain.js';
import type { RuleMatchingStatus } from '../../storage/rule-matching-ports.js';
import { armRuleBasedMatching } from '../rule-matching/arm.js';
import { applyMatchingChange } from '../identity-resolution/matching-lifecycle.js';
import { ruleExportDestinationOf } from '../rule-matching/export-rule-matches.js';
import type { OutboundAccess } from '../outbound/outbound-access.js';

export const MAX_TAGS_PER_RESOURCE = 50;

export interface NewDomain {
  readonly name: string;
  readonly defaultExpirationDays: number;
  readonly defaultEncryptionKey?: string;
  readonly deadLetterQueueUrl?: string;
  readonly matching?: JsonValue;
  readonly ruleBasedMatching?: JsonValue;
  readonly dataStore?: JsonValue;
  readonly tags?: Tags;
}

/** UpdateDomain: absent keeps; `null` clears (the wire's ""); tags are added or overwritten. */
export interface DomainChanges {
  readonly defaultExpirationDays?: number;
  readonly defaultEncryptionKey?: string | null;
  readonly deadLetterQueueUrl?: string | null;
  readonly matching?: JsonValue;
  readonly ruleBasedMatching?: JsonValue;
  readonly dataStore?: JsonValue;
  readonly tags?: Tags;
}

export interface Domain extends DomainRecord {
  readonly tags: Tags;
  /** Where the rule engine stands with the current RuleBasedMatching, when enabled. */
  readonly ruleBasedMatchingStatus?: RuleMatchingStatus;
}

export interface DomainPage {
  readonly items: Domain[];
  readonly nextToken?: string;
}

/** The bucket a Matching or RuleBasedMatching setting (stored form: wire names) exports to; both name it alike. */
function exportBucketOf(setting: JsonValue | undefined): string | undefined {
  return ruleExportDestinationOf(setting)?.bucket;
}

export class DomainService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly outbound: OutboundAccess,
  ) {}

  /**
   * Refuses, before anything is written, a DeadLetterQueueUrl this server may not send to or that the account has
   * no SQS credentials for, and an ExportingConfig bucket the account has no S3 credentials for.
   */
  private async checkOutbound(scope: Scope, changes: Pick<DomainChanges, 'deadLetterQueueUrl' | 'matching' | 'ruleBasedMatching'>): Promise<void> {
    if (typeof changes.deadLetterQueueUrl === 'string') await this.outbound.sqs.resolve(scope, changes.deadLetterQueueUrl);
    for (const bucket of new Set([exportBucketOf(changes.matching), exportBucketOf(changes.ruleBasedMatching)])) {
      if (bucket !== undefined) await this.outbound.s3.resolve(scope, bucket);
    }
  }

  async create(scope: Scope, input: NewDomain): Promise<Domain> {
    const now = this.clock();
    const { tags = {}, ...fields } = input;
    if (Object.keys(tags).length > MAX_TAGS_PER_RESOURCE) throw tooManyTags(MAX_TAGS_PER_RESOURCE);
    await this.checkOutbound(scope, input);
    const record: DomainRecord = { ...fields, createdAt: now, lastUpdatedAt: now };
    let created: { ruleBasedMatchingStatus?: RuleMatchingStatus } = {};
    try {
      created = await this.store.transaction(async (repos) => {
        await repos.domains.create(scope, record);
        await scheduleDomainExpiry(repos.jobs, scope, input.name, now);
        await applyMatchingChange(repos, scope, input.name, undefined, input.matching, now);
        if (Object.keys(tags).length > 0) await repos.tags.put(scope, domainArn(scope, input.name), tags);
        await armRuleBasedMatching(repos, scope, input.name, input.ruleBasedMatching, now, true);
        return ruleStatus(repos, scope, input.name);
      });
    } catch (error) {
      if (error instanceof UniqueViolationError) throw domainAlreadyExists(input.name);
      throw error;
    }
    return { ...record, tags, ...created };
  }

  async get(scope: Scope, name: string): Promise<Domain> {
    const record = await this.store.domains.get(scope, name);
    if (!record) throw domainNotFound(name);
    return { ...record, tags: await this.store.tags.get(scope, domainArn(scope, name)), ...(await ruleStatus(this.store, scope, name)) };
  }

  /** GetDomain's Stats: ProfileCount, ObjectCount, TotalSize and MeteringProfileCount (Σ max(1, ⌈objects/100⌉)), as counted by the writes. */
  stats(scope: Scope, name: string): Promise<DomainStats> {
    return this.store.domainStats.get(scope, name);
  }

  /** Throws ResourceNotFound unless the domain exists. */
  async require(scope: Scope, name: string): Promise<DomainRecord> {
    const record = await this.store.domains.get(scope, name);
    if (!record) throw domainNotFound(name);
    return record;
  }

  async update(scope: Scope, name: string, changes: DomainChanges): Promise<Domain> {
    const { tags, ...fields } = changes;
    const arn = domainArn(scope, name);
    if (fields.deadLetterQueueUrl || fields.matching !== undefined || fields.ruleBasedMatching !== undefined) {
      if (!(await this.store.domains.get(scope, name))) throw domainNotFound(name); // a 404 before any 400 of the check
      await this.checkOutbound(scope, fields);
    }
    return this.store.transaction(async (repos) => {
      const now = this.clock();
      const previous = fields.matching === undefined ? undefined : await repos.domains.get(scope, name);
      const updated = await repos.domains.update(scope, name, { ...fields, lastUpdatedAt: now });
      if (!updated) throw domainNotFound(name);
      await armRuleBasedMatching(repos, scope, name, fields.ruleBasedMatching, now, false);
      if (fields.matching !== undefined) await applyMatchingChange(repos, scope, name, previous?.matching, updated.matching, now);
      if (tags && Object.keys(tags).length > 0) {
        const merged = { ...(await repos.tags.get(scope, arn)), ...tags };
        if (Object.keys(merged).length > MAX_TAGS_PER_RESOURCE) throw tooManyTags(MAX_TAGS_PER_RESOURCE);
        await repos.tags.put(scope, arn, tags);
      }
      return { ...updated, tags: await repos.tags.get(scope, arn), ...(await ruleStatus(repos, scope, name)) };
    });
  }

  /** Removes the domain and everything under it (profiles and their keys, tags, import checkpoints), in one transaction. */
  async delete(scope: Scope, name: string): Promise<void> {
    await this.store.transaction(async (repos) => {
      await repos.profiles.deleteAllInDomain(scope, name);
      await repos.objectTypes.deleteAllInDomain(scope, name);
      await repos.integrations.deleteAllInDomain(scope, name);
      await repos.workflows.deleteAllInDomain(scope, name);
      await repos.identityResolution.deleteAllInDomain(scope, name);
      await repos.s3IntegrationObjects.deleteAllInDomain(scope, name);
      await repos.ruleMatching.deleteAllInDomain(scope, name);
      await repos.importCheckpoints.deleteAllInDomain(scope, name);
      await repos.calculatedAttributes.deleteAllInDomain(scope, name);
      if (!(await repos.domains.delete(scope, name))) throw domainNotFound(name);
      await repos.tags.removeUnder(scope, domainArn(scope, name));
    });
  }

  async list(scope: Scope, maxResults: number, nextToken: string | undefined): Promise<DomainPage> {
    const after = decodeNextToken('domains', scope, nextToken);
    const page = await this.store.domains.list(scope, { after, limit: maxResults });
    const tags = await this.store.tags.getMany(scope, page.items.map((domain) => domainArn(scope, domain.name)));
    return {
      items: page.items.map((domain) => ({ ...domain, tags: tags.get(domainArn(scope, domain.name)) ?? {} })),
      nextToken: encodeNextToken('domains', scope, page.nextAfter),
    };
  }
}

async function ruleStatus(repos: Repositories, scope: Scope, domainName: string): Promise<{ ruleBasedMatchingStatus?: RuleMatchingStatus }> {
  const state = await repos.ruleMatching.getState(scope, domainName);
  return state ? { ruleBasedMatchingStatus: state.status } : {};
}
