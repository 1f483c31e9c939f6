// The mapping engine's first step: each field's value for one incoming object (spec §3.3 "Source").
// `_source.a.b` walks the object (numeric segments index arrays); a template renders with Handlebars
// over `{ _source }` without HTML escaping. Missing or blank values are absent, never "".
import type { HandlebarsRuntime } from '../object-types/field-source.js';
import { isTemplate } from '../object-types/field-source.js';
import type { FieldMapping } from '../object-types/definition.js';

export type FieldValues = Readonly<Record<string, string>>;
type Render = (context: { _source: unknown }) => string;

/** Walks `_source.a.b` (the leading `_source` is the object itself) through own members only: never `constructor` or `__proto__` of Object. */
function readPath(source: unknown, path: string): unknown {
  let current: unknown = source;
  for (const segment of path.split('.').slice(1)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.trim() === '' ? undefined : text;
}

/** Compiles each template once and keeps it for the life of the extractor (one per object-type version). */
export class FieldExtractor {
  private readonly compiled = new Map<string, Render>();

  constructor(
    private readonly fields: Readonly<Record<string, FieldMapping>>,
    private readonly handlebars: HandlebarsRuntime,
  ) {}

  private render(template: string): Render {
    let render = this.compiled.get(template);
    if (!render) {
      render = this.handlebars.compile(template, { noEscape: true, strict: false });
      this.compiled.set(template, render);
    }
    return render;
  }

  extract(object: unknown): FieldValues {
    const values: Record<string, string> = {};
    for (const [name, field] of Object.entries(this.fields)) {
      const value = isTemplate(field.source) ? this.render(field.source)({ _source: object }) : readPath(object, field.source);
      const text = asText(value);
      if (text !== undefined) values[name] = text;
    }
    return values;
  }
}
