// A built-in object type template (spec §3.13) and small builders that keep the definitions readable.
import type { ContentType, FieldMapping, KeyDefinition, Mapping } from '../object-types/definition.js';

export interface Template extends Mapping {
  readonly templateId: string;
  readonly sourceName: string;
  readonly sourceObject: string;
}

/** A field read from `_source.<path>`, optionally written to `target`. */
export function from(path: string, target?: string, contentType: ContentType = 'STRING'): FieldMapping {
  return { source: `_source.${path}`, target, contentType };
}

/** A field computed by a Handlebars template over `_source`. */
export function template(source: string, target?: string, contentType: ContentType = 'STRING'): FieldMapping {
  return { source, target, contentType };
}

export function key(standardIdentifiers: string[], ...fieldNames: string[]): KeyDefinition[] {
  return [{ standardIdentifiers, fieldNames }];
}

/** Address lines read from `prefix<sourceLine>` into `_profile.<address>.<line>` (or another object's address). */
export function address(target: string, lines: Record<string, string>, prefix = ''): Record<string, FieldMapping> {
  const fields: Record<string, FieldMapping> = {};
  for (const [line, sourcePath] of Object.entries(lines)) {
    fields[`${target.split('.').pop()}${line}`] = from(`${prefix}${sourcePath}`, `${target}.${line}`);
  }
  return fields;
}
