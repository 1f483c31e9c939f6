// Keeps the index of objects feeding calculated attributes current in the transaction that stores the objects
// (ARCHITECTURE "derived data"): for every definition reading an object's type, the object's entry — its time and
// its value — when it passes the definition's filter and its time can be read (spec api-behaviour-2a §3.3–§3.4).
// Deletions and expiry need nothing here: entries follow their object by foreign key (merges and deleted
// definitions move or drop them in their own transactions).
import type { Repositories, Scope } from '../../storage/ports.js';
import type { CalculatedAttributeEntry } from '../../storage/calculated-attribute-ports.js';
import { compileDefinition, type CompiledDefinition } from './compiled-definition.js';
import { matchesCondition } from './dimension-match.js';
import { valueAtPath } from '../ingestion/field-values.js';
import { formatNumber, numberOf, objectTime, presentText } from './values.js';

export interface StoredObject {
  readonly objectTypeName: string;
  readonly objectKey: string;
  readonly profileId: string;
  /** The object as stored (JSON text). */
  readonly text: string;
  /** The names of the object type's fields, which a definition reads before the raw object (§3.3 rule 1). */
  readonly fieldNames?: ReadonlySet<string>;
  /** The fields' values for this object, as ingestion extracted them. */
  readonly fieldValues?: Readonly<Record<string, string>>;
  readonly ingestedAt: Date;
  /** An object stored before under the same key: its old entries may have to go. */
  readonly replaced: boolean;
}

class ObjectReader {
  #document: unknown;
  #parsed = false;

  constructor(private readonly object: StoredObject) {}

  read(name: string): string | undefined {
    if (this.object.fieldNames?.has(name)) return this.object.fieldValues?.[name];
    return presentText(valueAtPath(this.document(), name));
  }

  raw(path: string): unknown {
    return valueAtPath(this.document(), path);
  }

  private document(): unknown {
    if (!this.#parsed) {
      this.#parsed = true;
      try {
        this.#document = JSON.parse(this.object.text);
      } catch {
        this.#document = undefined;
      }
    }
    return this.#document;
  }
}

function passes(definition: CompiledDefinition, reader: ObjectReader): boolean {
  const filter = definition.filter;
  if (!filter) return true;
  const groupMatches = filter.Groups.map((group) => {
    const dimensions = group.Dimensions.map((dimension) =>
      Object.entries(dimension.Attributes).every(([name, condition]) => matchesCondition(condition.DimensionType, reader.read(name), condition.Values)),
    );
    return combine(group.Type, dimensions);
  });
  return combine(filter.Include, groupMatches);
}

function combine(how: 'ALL' | 'ANY' | 'NONE', matches: readonly boolean[]): boolean {
  if (how === 'ALL') return matches.every(Boolean);
  if (how === 'ANY') return matches.some(Boolean);
  return !matches.some(Boolean);
}

function valueOf(definition: CompiledDefinition, reader: ObjectReader): { valueText?: string; valueNumber?: number } {
  const [a, b] = definition.expression.attributes;
  if (b === undefined) {
    const text = reader.read(a!);
    if (text === undefined) return {};
    const n = numberOf(text);
    return { valueText: text.slice(0, 255), ...(n !== undefined && { valueNumber: n }) };
  }
  const left = numberOf(reader.read(a!));
  const right = numberOf(reader.read(b));
  if (left === undefined || right === undefined) return {};
  const result = definition.expression.operator === '+' ? left + right : definition.expression.operator === '-' ? left - right : definition.expression.operator === '*' ? left * right : right === 0 ? NaN : left / right;
  return Number.isFinite(result) ? { valueText: formatNumber(result), valueNumber: result } : {};
}

function entryFor(definition: CompiledDefinition, object: StoredObject, reader: ObjectReader): CalculatedAttributeEntry | undefined {
  if (!passes(definition, reader)) return undefined;
  let ts = object.ingestedAt.getTime();
  if (definition.timestampPath !== undefined) {
    const read = objectTime(reader.raw(definition.timestampPath), definition.timestampFormat!);
    if (read === undefined) return undefined;
    ts = read;
  }
  return {
    attributeName: definition.name,
    objectTypeName: object.objectTypeName,
    objectKey: object.objectKey,
    profileId: object.profileId,
    ts: new Date(ts),
    ingestedAt: object.ingestedAt,
    ...valueOf(definition, reader),
  };
}

/**
 * Writes (or removes) the entries of freshly stored objects, inside the caller's transaction; `only` limits it to
 * one definition (the UseHistoricalData backfill).
 */
export async function feedCalculatedAttributes(repos: Repositories, scope: Scope, domainName: string, objects: readonly StoredObject[], only?: string): Promise<void> {
  const byType = new Map<string, StoredObject[]>();
  for (const object of objects) {
    const list = byType.get(object.objectTypeName);
    if (list) list.push(object);
    else byType.set(object.objectTypeName, [object]);
  }
  for (const [typeName, typed] of byType) {
    const records = await repos.calculatedAttributes.listForObjectType(scope, domainName, typeName);
    const definitions = records.filter((record) => only === undefined || record.name === only).map((record) => compileDefinition(scope, domainName, record));
    if (definitions.length === 0) continue;
    const entries: CalculatedAttributeEntry[] = [];
    const gone: Array<{ attributeName: string; objectTypeName: string; objectKey: string }> = [];
    for (const object of typed) {
      const reader = new ObjectReader(object);
      for (const definition of definitions) {
        const entry = entryFor(definition, object, reader);
        if (entry) entries.push(entry);
        else if (object.replaced) gone.push({ attributeName: definition.name, objectTypeName: typeName, objectKey: object.objectKey });
      }
    }
    await repos.calculatedAttributeEntries.remove(scope, domainName, gone);
    await repos.calculatedAttributeEntries.put(scope, domainName, entries);
  }
}
