// What no input may carry whatever its member, beyond the model's own constraints: the NUL character
// in any string or map key (PostgreSQL text cannot hold it, so both backends refuse it alike), and
// `__proto__` as a map key (a plain object cannot keep it as an entry). Driven by the schema, paths
// written as the generated validators write them; the extension routes' schema-less JSON is walked whole.
import type { ShapeSchema } from '../generated/schema-types.js';

export type TextViolation =
  | { readonly path: string; readonly rule: 'nul' }
  | { readonly path: string; readonly rule: 'reservedKey'; readonly key: string };

/** Map keys refused: the one a plain object turns into its prototype instead of an entry. */
export const RESERVED_MAP_KEY = '__proto__';

export function hasNul(text: string): boolean {
  return text.includes('\u0000');
}

/** Violations in `value`, an input of shape `key` bound to member names (as the validators see it). */
export function textViolations(schema: Readonly<Record<string, ShapeSchema>>, key: string, value: unknown, path = ''): TextViolation[] {
  const out: TextViolation[] = [];
  walk(schema, key, value, path, out);
  return out;
}

function join(path: string, member: string): string {
  return path === '' ? member : `${path}.${member}`;
}

function walk(schema: Readonly<Record<string, ShapeSchema>>, key: string, value: unknown, path: string, out: TextViolation[]): void {
  if (value === null || value === undefined) return;
  const shape = schema[key];
  if (!shape) return;
  switch (shape.kind) {
    case 'structure':
    case 'union':
      if (typeof value !== 'object' || Array.isArray(value)) return;
      for (const [name, member] of Object.entries(shape.members)) {
        if (Object.hasOwn(value, name)) walk(schema, member.target, (value as Record<string, unknown>)[name], join(path, name), out);
      }
      return;
    case 'list':
      if (Array.isArray(value)) value.forEach((item, i) => walk(schema, shape.member, item, `${path}[${i}]`, out));
      return;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) return;
      for (const [entry, item] of Object.entries(value as Record<string, unknown>)) {
        if (entry === RESERVED_MAP_KEY) out.push({ path: `${path}.key`, rule: 'reservedKey', key: entry });
        if (hasNul(entry)) out.push({ path: `${path}.key`, rule: 'nul' });
        walk(schema, shape.value, item, `${path}[${JSON.stringify(entry)}]`, out);
      }
      return;
    case 'string':
    case 'enum':
      if (typeof value === 'string' && hasNul(value)) out.push({ path, rule: 'nul' });
      return;
    default:
      return;
  }
}

/** Violations in schema-less JSON (the bodies of our extension routes): NUL in any string or member name. */
export function jsonTextViolations(value: unknown, path: string): TextViolation[] {
  const out: TextViolation[] = [];
  const visit = (item: unknown, at: string): void => {
    if (typeof item === 'string') {
      if (hasNul(item)) out.push({ path: at, rule: 'nul' });
    } else if (Array.isArray(item)) item.forEach((element, i) => visit(element, `${at}[${i}]`));
    else if (item !== null && typeof item === 'object') {
      for (const [key, member] of Object.entries(item)) {
        if (hasNul(key)) out.push({ path: join(at, 'key'), rule: 'nul' });
        visit(member, join(at, key));
      }
    }
  };
  visit(value, path);
  return out;
}
