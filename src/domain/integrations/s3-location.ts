// What an s3:// integration Uri names (a bucket and a key prefix, as S3 matches prefixes), and which object
// type and record format each object under it becomes.
import { formatOfName, type RecordFormat } from '../ingestion/record-formats.js';
import type { IntegrationDefinition } from './integration.js';

export interface S3Location {
  readonly bucket: string;
  /** Matched as S3 does: every key starting with it (empty: the whole bucket). */
  readonly prefix: string;
}

/** S3 bucket naming rules (lower-case letters, digits, dots, hyphens; 3–63 characters). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** `s3://bucket` or `s3://bucket/prefix`; undefined for any other Uri. */
export function parseS3Uri(uri: string): S3Location | undefined {
  const found = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(uri);
  if (!found || !BUCKET.test(found[1]!)) return undefined;
  return { bucket: found[1]!, prefix: found[2] ?? '' };
}

/** Records format by the key's extension, as `openprofiles import` reads files; undefined: not a records file. */
export function formatOfKey(key: string): RecordFormat | undefined {
  return formatOfName(key);
}

/**
 * The object type of an object: the integration's ObjectTypeName; with ObjectTypeNames, the only entry,
 * or else the entry named by the first folder of the key below the prefix (`s3://b/in` with
 * `{"orders": "Order"}` takes `in/orders/2024-05.csv` as Order). Undefined: the object is not for this integration.
 */
export function objectTypeOfKey(definition: IntegrationDefinition, location: S3Location, key: string): string | undefined {
  if (definition.objectTypeName !== undefined) return definition.objectTypeName;
  const entries = Object.entries(definition.objectTypeNames ?? {});
  if (entries.length === 1) return entries[0]![1];
  const below = key.slice(location.prefix.length).replace(/^\/+/, '');
  const folder = below.includes('/') ? below.slice(0, below.indexOf('/')) : undefined;
  return folder === undefined ? undefined : definition.objectTypeNames?.[folder];
}
