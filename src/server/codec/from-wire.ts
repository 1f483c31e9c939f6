// restJson1 input binding: labels, query, headers and JSON body -> the operation's input object.
// Values of the wrong type are passed through unchanged so the generated validators name them.
import { fromJson, shapeOf } from '../../shapes/json.js';
import type { OperationDefinition } from '../../generated/operations.js';
import type { QueryMultimap } from './query-string.js';

/** Converts one text value (label, query, header) to shape `key`; unconvertible text stays a string. */
function fromText(text: string, key: string): unknown {
  const shape = shapeOf(key);
  switch (shape.kind) {
    case 'integer':
    case 'long':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case 'double':
    case 'float':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'timestamp': {
      const date = new Date(text);
      return Number.isNaN(date.getTime()) ? text : date;
    }
    default:
      return text;
  }
}

export interface WireRequest {
  readonly labels: Readonly<Record<string, string>>;
  readonly query: QueryMultimap;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The parsed JSON body, or undefined when the request has none. */
  readonly body: unknown;
}

export function bindInput(operation: OperationDefinition, request: WireRequest): Record<string, unknown> {
  const input = shapeOf(operation.input);
  if (input.kind !== 'structure') throw new Error(`${operation.input} is not a structure`);
  const bound = (fromJson(request.body ?? {}, operation.input) ?? {}) as Record<string, unknown>;
  for (const [name, member] of Object.entries(input.members)) {
    const where = member.locationName ?? name;
    if (member.location === 'label') {
      const value = request.labels[where];
      if (value !== undefined) bound[name] = fromText(value, member.target);
    } else if (member.location === 'query' || member.location === 'header') {
      const raw = member.location === 'query' ? request.query.get(where) : request.headers[where.toLowerCase()];
      const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      if (values.length === 0) continue;
      const target = shapeOf(member.target);
      bound[name] = target.kind === 'list' ? values.map((v) => fromText(v, target.member)) : fromText(values[0]!, member.target);
    }
  }
  return bound;
}
