// Standard objects written by Targets (spec §3.4 step 7): an `_asset`, `_case`, `_order`… record is found
// through the object's keys carrying that object's identifier (ASSET, CASE, ORDER…): exactly one match →
// the values are merged into it, several → the ingestion is rejected, none → a new record. Records live
// beside ingested objects (type `_asset`…, key = record id) so ListProfileObjects and ObjectFilter
// (`_assetId`, `_serialNumber`…) read them the same way. They follow the profile of the latest object.
import type { Repositories, Scope } from '../../storage/ports.js';
import type { ProfileObjectRecord } from '../../storage/object-ports.js';
import { ambiguousStandardObject, standardRecordTooLarge } from '../errors.js';
import { MAX_DOCUMENT_BYTES } from '../profiles/profile-size.js';
import type { Mapping } from '../object-types/definition.js';
import { STANDARD_OBJECTS } from '../object-types/standard-objects.js';
import { newProfileId } from '../profiles/profile-id.js';
import type { FieldValues } from './field-values.js';
import { encodeSource, mayOverwrite, type ObjectSource } from './field-precedence.js';
import { has } from './find-profile.js';
import type { ObjectKey } from './key-values.js';

type Json = Record<string, unknown>;

/** Documented filter keys of the asset beyond its id (spec §3.6). */
const MEMBER_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  _asset: { AssetName: '_assetName', SerialNumber: '_serialNumber' },
};

function setPath(document: Json, path: readonly string[], value: string): void {
  let node = document;
  for (const segment of path.slice(0, -1)) {
    const child = Object.hasOwn(node, segment) ? node[segment] : undefined;
    const next: Json = child !== null && typeof child === 'object' && !Array.isArray(child) ? (child as Json) : {};
    node[segment] = next;
    node = next;
  }
  node[path[path.length - 1]!] = value;
}

/** Member paths and values this object writes, per standard object other than the profile. */
function targetedWrites(mapping: Mapping, values: FieldValues): Map<string, Array<[string[], string]>> {
  const writes = new Map<string, Array<[string[], string]>>();
  for (const [name, field] of Object.entries(mapping.fields)) {
    const value = values[name];
    if (value === undefined || field.target === undefined || field.target.startsWith('_profile.')) continue;
    const [objectName = '', ...path] = field.target.split('.');
    writes.set(objectName, [...(writes.get(objectName) ?? []), [path, value]]);
  }
  return writes;
}

/**
 * The standard-object records this object writes, as they will be stored; reads only, so the ingestion can
 * refuse (several matching records, a record past the object size limit) before it writes anything.
 */
export async function planStandardRecords(
  repos: Repositories,
  scope: Scope,
  domainName: string,
  mapping: Mapping,
  values: FieldValues,
  keys: readonly ObjectKey[],
  profileId: string,
  now: Date,
  expiresAt: Date,
  source: ObjectSource,
): Promise<ProfileObjectRecord[]> {
  const records: ProfileObjectRecord[] = [];
  for (const [objectName, writes] of targetedWrites(mapping, values)) {
    const object = STANDARD_OBJECTS.get(objectName);
    if (object?.identifier === undefined || object.idMember === undefined) continue;
    const idKeys = keys.filter((key) => has(key, object.identifier!));
    if (idKeys.length === 0) continue;
    const matched = new Set<string>();
    for (const key of idKeys) for (const id of await repos.profileObjects.findByKey(scope, domainName, objectName, key.name, key.value, 2)) matched.add(id);
    if (matched.size > 1) throw ambiguousStandardObject(objectName, idKeys.map((key) => key.name));
    const [existingId] = matched;
    const existing = existingId === undefined ? undefined : await repos.profileObjects.get(scope, domainName, objectName, existingId);
    const recordId = existing?.objectKey ?? newProfileId();
    const document = existing ? (JSON.parse(existing.object) as Json) : {};
    document[object.idMember] = recordId;
    // Per member, as on the profile: a value held by a stronger source stays (field-precedence.ts).
    const sources: Record<string, string> = { ...existing?.sources };
    for (const [path, value] of writes) {
      const member = path.join('.');
      if (!mayOverwrite(source, sources[member])) continue;
      setPath(document, path, value);
      sources[member] = encodeSource(source);
    }

    const recordKeys = new Map<string, { keyName: string; value: string }>();
    const add = (keyName: string, value: unknown) => {
      if (typeof value === 'string' && value !== '') recordKeys.set(`${keyName}\u0000${value}`, { keyName, value });
    };
    for (const key of existing?.keys ?? []) add(key.keyName, key.value);
    for (const key of idKeys) add(key.name, key.value);
    add(`_${object.idMember.charAt(0).toLowerCase()}${object.idMember.slice(1)}`, recordId);
    for (const [member, keyName] of Object.entries(MEMBER_KEYS[objectName] ?? {})) add(keyName, document[member]);
    const text = JSON.stringify(document);
    const sizeBytes = Buffer.byteLength(text, 'utf8');
    if (sizeBytes > MAX_DOCUMENT_BYTES) throw standardRecordTooLarge(objectName, sizeBytes, MAX_DOCUMENT_BYTES);
    records.push({
      objectTypeName: objectName,
      objectKey: recordId,
      profileId,
      object: text,
      sizeBytes,
      keys: [...recordKeys.values()],
      createdAt: existing?.createdAt ?? now,
      lastUpdatedAt: now,
      expiresAt,
      sources,
    });
  }
  return records;
}
