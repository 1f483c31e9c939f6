// The content type each key name of a domain is normalized with (spec §3.3 ContentType, §3.5): a built-in
// key its own; a key an object type defines over one field, that field's; anything else STRING (exact).
// Ingestion, SearchProfiles and AddProfileKey/DeleteProfileKey agree through this.
import type { ObjectTypeRepository, Scope } from '../../storage/ports.js';
import { contentTypeOfKey, isBuiltInKey } from '../keys/built-in-keys.js';
import type { ContentType } from '../keys/normalize.js';
import { fromRecord } from './object-type-codec.js';

/** Reads the domain's object types only when some key name is not built in. */
export async function keyContentTypes(objectTypes: ObjectTypeRepository, scope: Scope, domainName: string, keyNames: readonly string[]): Promise<Map<string, ContentType>> {
  const result = new Map<string, ContentType>();
  const custom = keyNames.filter((name) => !isBuiltInKey(name));
  for (const name of keyNames) if (isBuiltInKey(name)) result.set(name, contentTypeOfKey(name));
  if (custom.length === 0) return result;
  for (const record of await objectTypes.listAll(scope, domainName)) {
    const type = fromRecord(record);
    for (const name of custom) {
      const fieldNames = type.keys[name]?.[0]?.fieldNames;
      const field = fieldNames?.length === 1 ? type.fields[fieldNames[0]!] : undefined;
      const contentType = field && (field.contentType ?? 'STRING');
      if (!result.has(name) && contentType !== undefined) result.set(name, contentType);
    }
  }
  for (const name of custom) if (!result.has(name)) result.set(name, 'STRING');
  return result;
}
