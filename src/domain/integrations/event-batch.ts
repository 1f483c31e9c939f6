// A batch of records pushed to an integration's event endpoint: each record is routed to one of the
// integration's object types (by its EventType when the integration maps several), checked like a
// PutProfileObject input, and ingested through the same path; every record gets its own outcome.
import { BadRequestException } from '../../generated/errors.js';
import { inputValidators } from '../../generated/validators.js';
import {
  eventBatchEmpty,
  eventBatchNotAList,
  eventBatchTooLarge,
  eventRecordNotAnObject,
  eventRecordWithoutObject,
  eventTypeNotAString,
  eventTypeNotMapped,
  eventTypeRequired,
  validationFailed,
} from '../errors.js';
import type { IngestionService } from '../ingestion/ingestion-service.js';
import type { Scope } from '../../storage/ports.js';
import type { IntegrationDefinition } from './integration.js';

/** Records accepted in one batch (the same as one bulk-import transaction); the body limit (6 MiB) also applies. */
export const MAX_EVENT_BATCH = 500;

export interface RoutedRecord {
  readonly objectTypeName: string;
  readonly objectText: string;
}

export type RecordOutcome =
  | { readonly objectTypeName: string; readonly profileObjectUniqueKey: string }
  | { readonly objectTypeName?: string; readonly errorCode: string; readonly message: string };

/** The object types a batch may go to: ObjectTypeName, or the values of ObjectTypeNames. */
export function integrationTypes(definition: IntegrationDefinition): string[] {
  if (definition.objectTypeName !== undefined) return [definition.objectTypeName];
  return [...new Set(Object.values(definition.objectTypeNames ?? {}))];
}

export function batchRecords(body: Readonly<Record<string, unknown>> | undefined): readonly unknown[] {
  const records = body?.['Records'];
  if (!Array.isArray(records)) throw eventBatchNotAList();
  if (records.length === 0) throw eventBatchEmpty();
  if (records.length > MAX_EVENT_BATCH) throw eventBatchTooLarge(records.length, MAX_EVENT_BATCH);
  return records;
}

/**
 * The object type of one record: the integration's ObjectTypeName for every record; with ObjectTypeNames,
 * the entry named by the record's EventType (which may be left out when the map has one entry only).
 */
function routeType(definition: IntegrationDefinition, eventType: unknown): string {
  if (definition.objectTypeName !== undefined) return definition.objectTypeName;
  const entries = Object.entries(definition.objectTypeNames ?? {});
  if (eventType === undefined) {
    if (entries.length === 1) return entries[0]![1];
    throw eventTypeRequired(entries.map(([name]) => name));
  }
  if (typeof eventType !== 'string') throw eventTypeNotAString();
  const found = entries.find(([name]) => name === eventType);
  if (!found) throw eventTypeNotMapped(eventType, entries.map(([name]) => name));
  return found[1];
}

/** One record, `{"EventType"?, "Object"}` with Object a JSON object or its text, routed and checked like PutProfileObject's input. */
export function routeRecord(domainName: string, definition: IntegrationDefinition, record: unknown): RoutedRecord {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) throw eventRecordNotAnObject();
  const { EventType: eventType, Object: object } = record as Record<string, unknown>;
  const objectTypeName = routeType(definition, eventType);
  if (object === undefined || object === null) throw eventRecordWithoutObject();
  const objectText = typeof object === 'string' ? object : JSON.stringify(object);
  const violations = inputValidators['PutProfileObjectRequest']!({ DomainName: domainName, ObjectTypeName: objectTypeName, Object: objectText });
  if (violations.length > 0) throw validationFailed(violations);
  return { objectTypeName, objectText };
}

function failure(error: unknown, objectTypeName?: string): RecordOutcome {
  if (!(error instanceof BadRequestException)) throw error;
  return { objectTypeName, errorCode: 'BadRequestException', message: error.message };
}

/** Routes and ingests every record; records of one type go in one transaction, in batch order. */
export async function ingestBatch(ingestion: IngestionService, scope: Scope, domainName: string, definition: IntegrationDefinition, records: readonly unknown[]): Promise<RecordOutcome[]> {
  const outcomes: RecordOutcome[] = new Array(records.length);
  const byType = new Map<string, Array<{ index: number; text: string }>>();
  records.forEach((record, index) => {
    try {
      const routed = routeRecord(domainName, definition, record);
      const group = byType.get(routed.objectTypeName) ?? [];
      group.push({ index, text: routed.objectText });
      byType.set(routed.objectTypeName, group);
    } catch (error) {
      outcomes[index] = failure(error);
    }
  });
  for (const [objectTypeName, group] of byType) {
    const results = await ingestion.putObjects(scope, domainName, objectTypeName, group.map((entry) => entry.text));
    results.forEach((result, i) => {
      outcomes[group[i]!.index] = result.ok ? { objectTypeName, profileObjectUniqueKey: result.key } : failure(result.error, objectTypeName);
    });
  }
  return outcomes;
}

/** The types a batch routes to (for authorization): its records' types, or all of the integration's when none routes. */
export function routedTypes(domainName: string, definition: IntegrationDefinition, records: readonly unknown[]): string[] {
  const types = new Set<string>();
  for (const record of records) {
    try {
      types.add(routeRecord(domainName, definition, record).objectTypeName);
    } catch {
      // reported per record by ingestBatch
    }
  }
  return types.size > 0 ? [...types] : integrationTypes(definition);
}
