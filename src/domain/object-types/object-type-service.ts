// Object types of a domain (spec §3.3): upsert with the ten validation rules, templates resolved,
// domain-global keys kept consistent, the per-profile object budget shared between types.
import type { Scope, Store, Tags } from '../../storage/ports.js';
import type { Clock } from '../clock.js';
import { objectTypeArn } from '../arn.js';
import {
  domainNotFound, mappingMissing, objectBudgetExceeded, objectTypeNotFound, objectTypeQuotaExceeded,
  reservedObjectTypeName, templateNotFound, templateWithMapping, tooManyTags,
} from '../errors.js';
import { decodeNextToken, encodeNextToken } from '../pagination.js';
import { MAX_TAGS_PER_RESOURCE } from '../domains/domain-service.js';
import { TEMPLATES } from '../templates/index.js';
import { purgeObjectType } from '../ingestion/purge-type.js';
import { detachObjectType } from '../integrations/detach-object-type.js';
import type { HandlebarsRuntime } from './field-source.js';
import { MAX_OBJECT_TYPES_PER_DOMAIN, OBJECTS_PER_PROFILE, type Mapping, type ObjectTypeDefinition, type StoredObjectType } from './definition.js';
import { fromRecord, toStoredDefinition } from './object-type-codec.js';
import { keyContentTypes, validateMapping } from './validate.js';

export interface ObjectTypeInput extends Omit<ObjectTypeDefinition, keyof Mapping>, Partial<Mapping> {
  readonly tags?: Tags;
}

export interface ObjectTypeView extends StoredObjectType {
  readonly tags: Tags;
  /** What is left of the per-profile object budget after every type's MaxProfileObjectCount. */
  readonly maxAvailableProfileObjectCount: number;
}

function budgetLeft(types: readonly { maxProfileObjectCount?: number }[]): number {
  return OBJECTS_PER_PROFILE - types.reduce((sum, type) => sum + (type.maxProfileObjectCount ?? 0), 0);
}

function mappingOf(input: ObjectTypeInput): Mapping {
  if (input.templateId !== undefined) {
    const template = TEMPLATES.get(input.templateId);
    if (!template) throw templateNotFound(input.templateId);
    if (input.fields || input.keys || input.allowProfileCreation !== undefined || input.sourceLastUpdatedTimestampFormat !== undefined) {
      throw templateWithMapping();
    }
    const { templateId: _id, sourceName: _name, sourceObject: _object, ...mapping } = template;
    return mapping;
  }
  if (!input.fields || !input.keys) throw mappingMissing();
  return { allowProfileCreation: input.allowProfileCreation ?? false, sourceLastUpdatedTimestampFormat: input.sourceLastUpdatedTimestampFormat, fields: input.fields, keys: input.keys };
}

export class ObjectTypeService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly handlebars: HandlebarsRuntime,
  ) {}

  async put(scope: Scope, domainName: string, input: ObjectTypeInput): Promise<ObjectTypeView> {
    if (input.name.startsWith('_')) throw reservedObjectTypeName(input.name);
    const { tags = {}, ...rest } = input;
    const definition: ObjectTypeDefinition = { ...rest, ...mappingOf(input) };
    const arn = objectTypeArn(scope, domainName, input.name);
    return this.store.transaction(async (repos) => {
      if (!(await repos.domains.get(scope, domainName))) throw domainNotFound(domainName);
      const existing = (await repos.objectTypes.listAll(scope, domainName)).map(fromRecord);
      const others = existing.filter((type) => type.name !== input.name);
      const previous = existing.find((type) => type.name === input.name);
      if (!previous && others.length >= MAX_OBJECT_TYPES_PER_DOMAIN) throw objectTypeQuotaExceeded(MAX_OBJECT_TYPES_PER_DOMAIN);
      const otherKeys = new Map<string, string>();
      for (const type of others) for (const [name, defs] of Object.entries(type.keys)) for (const def of defs) otherKeys.set(name, keyContentTypes(type, def));
      validateMapping(definition, otherKeys, this.handlebars);
      const left = budgetLeft([...others, definition]);
      if (left < 0) throw objectBudgetExceeded(OBJECTS_PER_PROFILE, OBJECTS_PER_PROFILE - left);
      const mergedTags = { ...(await repos.tags.get(scope, arn)), ...tags };
      if (Object.keys(mergedTags).length > MAX_TAGS_PER_RESOURCE) throw tooManyTags(MAX_TAGS_PER_RESOURCE);

      const now = this.clock();
      const createdAt = previous?.createdAt ?? now;
      await repos.objectTypes.put(scope, { domainName, name: input.name, definition: toStoredDefinition(definition), createdAt, lastUpdatedAt: now });
      if (Object.keys(tags).length > 0) await repos.tags.put(scope, arn, tags);
      return { ...definition, createdAt, lastUpdatedAt: now, tags: mergedTags, maxAvailableProfileObjectCount: left };
    });
  }

  /** The stored type, or undefined. Ingestion also consults templates (implicit types). */
  async find(scope: Scope, domainName: string, name: string): Promise<StoredObjectType | undefined> {
    const record = await this.store.objectTypes.get(scope, domainName, name);
    return record && fromRecord(record);
  }

  async get(scope: Scope, domainName: string, name: string): Promise<ObjectTypeView> {
    if (!(await this.store.domains.get(scope, domainName))) throw domainNotFound(domainName);
    const all = (await this.store.objectTypes.listAll(scope, domainName)).map(fromRecord);
    const type = all.find((candidate) => candidate.name === name);
    if (!type) throw objectTypeNotFound(domainName, name);
    const tags = await this.store.tags.get(scope, objectTypeArn(scope, domainName, name));
    return { ...type, tags, maxAvailableProfileObjectCount: budgetLeft(all) };
  }

  async delete(scope: Scope, domainName: string, name: string): Promise<void> {
    await this.store.transaction(async (repos) => {
      if (!(await repos.domains.get(scope, domainName))) throw domainNotFound(domainName);
      // The type's objects and the profile values it wrote go with it; a template used as an implicit type is purged the same way.
      const deleted = await repos.objectTypes.delete(scope, domainName, name);
      const now = this.clock();
      const purged = await purgeObjectType(repos, scope, domainName, name, now);
      if (!deleted && !(TEMPLATES.has(name) && purged > 0)) throw objectTypeNotFound(domainName, name);
      await detachObjectType(repos, scope, domainName, name, now);
      await repos.tags.removeUnder(scope, objectTypeArn(scope, domainName, name));
    });
  }

  async list(scope: Scope, domainName: string, maxResults: number, nextToken: string | undefined): Promise<{ items: ObjectTypeView[]; nextToken?: string }> {
    const list = `object-types:${domainName}`;
    const after = decodeNextToken(list, scope, nextToken);
    if (!(await this.store.domains.get(scope, domainName))) throw domainNotFound(domainName);
    const page = await this.store.objectTypes.list(scope, domainName, { after, limit: maxResults });
    const left = budgetLeft((await this.store.objectTypes.listAll(scope, domainName)).map(fromRecord));
    const arns = page.items.map((record) => objectTypeArn(scope, domainName, record.name));
    const tags = await this.store.tags.getMany(scope, arns);
    return {
      items: page.items.map((record, i) => ({ ...fromRecord(record), tags: tags.get(arns[i]!) ?? {}, maxAvailableProfileObjectCount: left })),
      nextToken: encodeNextToken(list, scope, page.nextAfter),
    };
  }
}
