// awsQuery request binding, driven by the generated schema: `A.B` nests structures, lists are
// `X.member.N`, maps `X.entry.N.key` / `X.entry.N.value`; scalars are converted by their shape.
import type { ShapeSchema } from '../../generated/schema.js';

export type QuerySchema = Readonly<Record<string, ShapeSchema>>;
export type QueryParams = ReadonlyMap<string, string>;

/** Form parameters of the body (application/x-www-form-urlencoded) and of the query string; the body wins. */
export function parseQueryParams(rawQuery: string, body: Uint8Array): Map<string, string> {
  const params = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(rawQuery)) params.set(key, value);
  for (const [key, value] of new URLSearchParams(Buffer.from(body).toString('utf8'))) params.set(key, value);
  return params;
}

/** The indices N used under `prefix.N…`, ascending (the protocol numbers from 1; gaps are tolerated). */
function indicesUnder(params: QueryParams, prefix: string): number[] {
  const found = new Set<number>();
  for (const key of params.keys()) {
    if (!key.startsWith(prefix)) continue;
    const match = /^(\d+)(?:\.|$)/.exec(key.slice(prefix.length));
    if (match) found.add(Number(match[1]));
  }
  return [...found].sort((a, b) => a - b);
}

function hasPrefix(params: QueryParams, prefix: string): boolean {
  for (const key of params.keys()) if (key.startsWith(prefix)) return true;
  return false;
}

/**
 * Reads the value of shape `key` at `path` ('' for the top-level input). Values that do not fit
 * their shape (a number that is not one) are kept as text so the generated validator names them.
 */
export function bindQueryValue(schema: QuerySchema, key: string, params: QueryParams, path: string): unknown {
  const shape = schema[key];
  if (!shape) throw new Error(`no schema for shape ${key}`);
  switch (shape.kind) {
    case 'structure':
    case 'union': {
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members)) {
        const value = bindQueryValue(schema, member.target, params, path === '' ? member.jsonName : `${path}.${member.jsonName}`);
        if (value !== undefined) out[name] = value;
      }
      return path !== '' && Object.keys(out).length === 0 && !hasPrefix(params, `${path}.`) ? undefined : out;
    }
    case 'list': {
      // An empty list is sent as the bare member name with an empty value (`Tags=`).
      const items = indicesUnder(params, `${path}.member.`).map((n) => bindQueryValue(schema, shape.member, params, `${path}.member.${n}`));
      return items.length > 0 || params.get(path) === '' ? items : undefined;
    }
    case 'map': {
      const entries = indicesUnder(params, `${path}.entry.`).map((n) => [
        String(bindQueryValue(schema, shape.key, params, `${path}.entry.${n}.key`) ?? ''),
        bindQueryValue(schema, shape.value, params, `${path}.entry.${n}.value`),
      ]);
      return entries.length > 0 ? Object.fromEntries(entries) : undefined;
    }
    default:
      return scalar(shape.kind, params.get(path));
  }
}

function scalar(kind: string, text: string | undefined): unknown {
  if (text === undefined) return undefined;
  switch (kind) {
    case 'integer':
    case 'long':
    case 'double':
    case 'float': {
      const number = text.trim() === '' ? Number.NaN : Number(text);
      return Number.isNaN(number) ? text : number;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'timestamp': {
      const date = new Date(/^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : text);
      return Number.isNaN(date.getTime()) ? text : date;
    }
    default:
      return text;
  }
}
