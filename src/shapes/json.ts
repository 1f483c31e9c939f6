// Converts values between their JSON wire form and their in-memory form, driven by the model's shapes:
// wire member names (jsonName), epoch-second timestamps <-> Date, absent members omitted.
import { schema, type ShapeSchema } from '../generated/schema.js';

export function shapeOf(key: string): ShapeSchema {
  const shape = schema[key];
  if (!shape) throw new Error(`schema has no shape ${key}`);
  return shape;
}

/** Converts a JSON value to the in-memory form of shape `key` (members by name, timestamps as Date). */
export function fromJson(value: unknown, key: string): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = shapeOf(key);
  switch (shape.kind) {
    case 'structure':
    case 'union': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members)) {
        if (member.location) continue;
        const converted = fromJson(source[member.jsonName], member.target);
        if (converted !== undefined) out[name] = converted;
      }
      return out;
    }
    case 'list':
      return Array.isArray(value) ? value.map((item) => fromJson(item, shape.member) ?? null) : value;
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) setEntry(out, k, fromJson(v, shape.value) ?? null);
      return out;
    }
    case 'timestamp':
      return typeof value === 'number' ? new Date(Math.round(value * 1000)) : value;
    default:
      return value;
  }
}

/**
 * Keeps every entry of a map as its own property: assigning `__proto__` would set the object's
 * prototype and lose the entry, and validation must see it to refuse it (src/shapes/input-text.ts).
 */
function setEntry(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

/** The JSON form of `value` as shape `key`: wire member names, epoch-second timestamps, absent members omitted. */
export function toJson(value: unknown, key: string): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = shapeOf(key);
  switch (shape.kind) {
    case 'structure':
    case 'union': {
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members)) {
        if (member.location) continue;
        const converted = toJson(source[name], member.target);
        if (converted !== undefined) out[member.jsonName] = converted;
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((item) => toJson(item, shape.member) ?? null);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const converted = toJson(v, shape.value);
        if (converted !== undefined) out[k] = converted;
      }
      return out;
    }
    case 'timestamp':
      return (value as Date).getTime() / 1000;
    default:
      return value;
  }
}

