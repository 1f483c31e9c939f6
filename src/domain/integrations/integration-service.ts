// Integrations of a domain (spec §3.11): upsert by Uri, referenced object types checked, one domain per Uri,
// tags on the integration ARN, lists by domain and by Uri across the account's domains.
import type { IntegrationRecord, JsonValue, Repositories, Scope, Store, Tags } from '../../storage/ports.js';
import { UniqueViolationError } from '../../storage/errors.js';
import type { Clock } from '../clock.js';
import { integrationArn } from '../arn.js';
import {
  domainNotFound, integrationFlowUriTooLong, integrationNotFound, integrationObjectTypeChoice,
  integrationObjectTypeMissing, integrationSourceMissing, integrationUriInUse, tooManyTags,
} from '../errors.js';
import { decodeNextToken, encodeNextToken } from '../pagination.js';
import { MAX_TAGS_PER_RESOURCE } from '../domains/domain-service.js';
import { TEMPLATES } from '../templates/index.js';
import { scheduleS3IntegrationPoll } from '../../jobs/handlers/poll-s3-integration.js';
import type { S3AccessResolver } from '../outbound/s3-access.js';
import { parseS3Uri } from './s3-location.js';
import {
  UNSTRUCTURED_OBJECT_TYPE, definitionFromJson, definitionToJson,
  type IntegrationDefinition, type IntegrationScope, type IntegrationView,
} from './integration.js';

const MAX_URI_LENGTH = 255;

export interface IntegrationInput {
  readonly uri?: string;
  /** FlowName of the FlowDefinition: the Uri becomes the AppFlow flow ARN named by it (spec PutIntegration). */
  readonly flowName?: string;
  readonly flowDefinition?: JsonValue;
  readonly objectTypeName?: string;
  readonly objectTypeNames?: Readonly<Record<string, string>>;
  readonly roleArn?: string;
  readonly eventTriggerNames?: readonly string[];
  readonly scope?: IntegrationScope;
  readonly tags?: Tags;
}

export interface IntegrationPage {
  readonly items: IntegrationView[];
  readonly nextToken?: string;
}

function sourceUri(scope: Scope, input: IntegrationInput): string {
  if ((input.uri === undefined) === (input.flowName === undefined)) throw integrationSourceMissing();
  if (input.uri !== undefined) return input.uri;
  const uri = `arn:aws:appflow:${scope.region}:${scope.accountId}:flow/${input.flowName}`;
  if (uri.length > MAX_URI_LENGTH) throw integrationFlowUriTooLong(uri);
  return uri;
}

function referencedTypes(input: IntegrationInput): string[] {
  const names = input.objectTypeNames && Object.keys(input.objectTypeNames).length > 0 ? Object.values(input.objectTypeNames) : undefined;
  if ((input.objectTypeName === undefined) === (names === undefined)) throw integrationObjectTypeChoice();
  return input.objectTypeName !== undefined ? [input.objectTypeName] : [...new Set(names)];
}

async function requireTypes(repos: Repositories, scope: Scope, domainName: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (name === UNSTRUCTURED_OBJECT_TYPE || TEMPLATES.has(name)) continue;
    if (!(await repos.objectTypes.get(scope, domainName, name))) throw integrationObjectTypeMissing(domainName, name);
  }
}

function toView(record: IntegrationRecord, tags: Tags): IntegrationView {
  return { ...definitionFromJson(record.definition), domainName: record.domainName, uri: record.uri, createdAt: record.createdAt, lastUpdatedAt: record.lastUpdatedAt, tags };
}

export class IntegrationService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly s3Access: S3AccessResolver,
  ) {}

  async put(scope: Scope, domainName: string, input: IntegrationInput): Promise<IntegrationView> {
    const uri = sourceUri(scope, input);
    const types = referencedTypes(input);
    const bucket = parseS3Uri(uri)?.bucket;
    if (bucket !== undefined) {
      // An s3:// source is read with the account's own credentials: refused now when it has none for the bucket.
      if (!(await this.store.domains.get(scope, domainName))) throw domainNotFound(domainName);
      await this.s3Access.resolve(scope, bucket);
    }
    try {
      return await this.upsert(scope, domainName, uri, types, input);
    } catch (error) {
      // Another domain claimed the Uri between our check and our write (the unique index caught it).
      if (!(error instanceof UniqueViolationError)) throw error;
      const holder = await this.holderOf(scope, uri);
      throw integrationUriInUse(uri, holder ?? 'another domain');
    }
  }

  private async holderOf(scope: Scope, uri: string): Promise<string | undefined> {
    const page = await this.store.integrations.listByUri(scope, uri, { includeHidden: true }, { limit: 1 });
    return page.items[0]?.domainName;
  }

  private async upsert(scope: Scope, domainName: string, uri: string, types: readonly string[], input: IntegrationInput): Promise<IntegrationView> {
    const tags = input.tags ?? {};
    const arn = integrationArn(scope, domainName, uri);
    return this.store.transaction(async (repos) => {
      if (!(await repos.domains.get(scope, domainName))) throw domainNotFound(domainName);
      await requireTypes(repos, scope, domainName, types);
      const claim = (await repos.integrations.listByUri(scope, uri, { includeHidden: true }, { limit: 1 })).items[0];
      if (claim && claim.domainName !== domainName) throw integrationUriInUse(uri, claim.domainName);
      const mergedTags = { ...(await repos.tags.get(scope, arn)), ...tags };
      if (Object.keys(mergedTags).length > MAX_TAGS_PER_RESOURCE) throw tooManyTags(MAX_TAGS_PER_RESOURCE);

      const previous = await repos.integrations.get(scope, domainName, uri);
      const workflowId = previous && definitionFromJson(previous.definition).workflowId;
      const definition: IntegrationDefinition = {
        objectTypeName: input.objectTypeName,
        objectTypeNames: input.objectTypeName === undefined ? input.objectTypeNames : undefined,
        flowDefinition: input.flowDefinition,
        roleArn: input.roleArn,
        eventTriggerNames: input.eventTriggerNames,
        scope: input.scope,
        workflowId,
        isUnstructured: types.includes(UNSTRUCTURED_OBJECT_TYPE) ? true : undefined,
      };
      const now = this.clock();
      const record: IntegrationRecord = {
        domainName, uri, definition: definitionToJson(definition), hidden: previous?.hidden ?? false, createdAt: previous?.createdAt ?? now, lastUpdatedAt: now,
      };
      await repos.integrations.put(scope, record);
      if (Object.keys(tags).length > 0) await repos.tags.put(scope, arn, tags);
      await scheduleS3IntegrationPoll(repos.jobs, scope, domainName, uri, now);
      return toView(record, mergedTags);
    });
  }

  async get(scope: Scope, domainName: string, uri: string): Promise<IntegrationView> {
    if (!(await this.store.domains.get(scope, domainName))) throw domainNotFound(domainName);
    const record = await this.store.integrations.get(scope, domainName, uri);
    if (!record) throw integrationNotFound(domainName, uri);
    return toView(record, await this.store.tags.get(scope, integrationArn(scope, domainName, uri)));
  }

  async delete(scope: Scope, domainName: string, uri: string): Promise<void> {
    const arn = integrationArn(scope, domainName, uri);
    await this.store.transaction(async (repos) => {
      if (!(await repos.domains.get(scope, domainName))) throw domainNotFound(domainName);
      if (!(await repos.integrations.delete(scope, domainName, uri))) throw integrationNotFound(domainName, uri);
      // Not removeUnder: another integration's Uri may extend this one after a '/'.
      await repos.tags.remove(scope, arn, Object.keys(await repos.tags.get(scope, arn)));
    });
  }

  async list(scope: Scope, domainName: string, includeHidden: boolean, maxResults: number, nextToken: string | undefined): Promise<IntegrationPage> {
    const list = `integrations:${domainName}:${includeHidden ? 'all' : 'visible'}`;
    const after = decodeNextToken(list, scope, nextToken);
    if (!(await this.store.domains.get(scope, domainName))) throw domainNotFound(domainName);
    const page = await this.store.integrations.list(scope, domainName, { includeHidden }, { after, limit: maxResults });
    return { items: await this.withTags(scope, page.items), nextToken: encodeNextToken(list, scope, page.nextAfter) };
  }

  /** ListAccountIntegrations: the Uri's integrations in any domain of the caller's account and region. */
  async listByUri(scope: Scope, uri: string, includeHidden: boolean, maxResults: number, nextToken: string | undefined): Promise<IntegrationPage> {
    const list = `account-integrations:${uri}:${includeHidden ? 'all' : 'visible'}`;
    const after = decodeNextToken(list, scope, nextToken);
    const page = await this.store.integrations.listByUri(scope, uri, { includeHidden }, { after, limit: maxResults });
    return { items: await this.withTags(scope, page.items), nextToken: encodeNextToken(list, scope, page.nextAfter) };
  }

  private async withTags(scope: Scope, records: readonly IntegrationRecord[]): Promise<IntegrationView[]> {
    const arns = records.map((record) => integrationArn(scope, record.domainName, record.uri));
    const tags = await this.store.tags.getMany(scope, arns);
    return records.map((record, i) => toView(record, tags.get(arns[i]!) ?? {}));
  }
}
