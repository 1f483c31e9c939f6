// The object type PutProfileObject ingests with (spec §3.4 step 1): a defined type, else a template used
// by its id (an implicit type). Compiled extractors are cached per type version by IngestionService.
import type { Repositories, Scope } from '../../storage/ports.js';
import { objectTypeNotFound, reservedObjectTypeName } from '../errors.js';
import type { Mapping } from '../object-types/definition.js';
import { fromRecord } from '../object-types/object-type-codec.js';
import type { HandlebarsRuntime } from '../object-types/field-source.js';
import { TEMPLATES } from '../templates/index.js';
import { FieldExtractor } from './field-values.js';
import { SourceTimestampFormat } from './source-timestamp.js';

export interface IngestionType extends Mapping {
  readonly name: string;
  readonly sourcePriority?: number;
  readonly expirationDays?: number;
  readonly maxProfileObjectCount?: number;
  /** Changes whenever the definition does: the extractor cache key. */
  readonly version: string;
}

export async function resolveType(repos: Repositories, scope: Scope, domainName: string, name: string): Promise<IngestionType | undefined> {
  if (name.startsWith('_')) throw reservedObjectTypeName(name);
  const record = await repos.objectTypes.get(scope, domainName, name);
  if (record) {
    const type = fromRecord(record);
    return { ...type, version: `${name}\u0000${type.lastUpdatedAt.getTime()}` };
  }
  const template = TEMPLATES.get(name);
  return template && { ...template, name, version: `${name}\u0000template` };
}

export async function requireType(repos: Repositories, scope: Scope, domainName: string, name: string): Promise<IngestionType> {
  const type = await resolveType(repos, scope, domainName, name);
  if (!type) throw objectTypeNotFound(domainName, name);
  return type;
}

const fieldNames = new WeakMap<IngestionType, ReadonlySet<string>>();

/** The names of a type's fields, which calculated attributes read before the raw object. */
export function fieldNamesOf(type: IngestionType): ReadonlySet<string> {
  let names = fieldNames.get(type);
  if (!names) fieldNames.set(type, (names = new Set(Object.keys(type.fields))));
  return names;
}

export interface CompiledType {
  readonly extractor: FieldExtractor;
  readonly timestampFormat?: SourceTimestampFormat;
}

/** Type versions kept compiled; past this the cache starts over (a domain holds at most 100 types). */
const CACHE_LIMIT = 2000;

/** Compiled Handlebars and timestamp formats per object-type version; one per IngestionService. */
export class CompiledTypes {
  private readonly cache = new Map<string, CompiledType>();

  constructor(private readonly handlebars: HandlebarsRuntime) {}

  get(scope: Scope, domainName: string, type: IngestionType): CompiledType {
    const key = `${scope.accountId}\u0000${scope.region}\u0000${domainName}\u0000${type.version}`;
    let compiled = this.cache.get(key);
    if (!compiled) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      const format = type.sourceLastUpdatedTimestampFormat;
      compiled = { extractor: new FieldExtractor(type.fields, this.handlebars), timestampFormat: format === undefined ? undefined : new SourceTimestampFormat(format) };
      this.cache.set(key, compiled);
    }
    return compiled;
  }
}
