// The mapping engine's first step: each field's value for one incoming object (spec §3.3 "Source").
// `_source.a.b` walks the object's own members (numeric segments index arrays); a template renders with
// Handlebars over `{ _source }` without HTML escaping, within one TemplateBudget per object.
// Missing or blank values are absent, never "".
import type { HandlebarsRuntime } from '../object-types/field-source.js';
import { isTemplate } from '../object-types/field-source.js';
import type { FieldMapping } from '../object-types/definition.js';
import { BUDGET_DATA } from '../object-types/bounded-helpers.js';
import { TEMPLATE_BUDGET_PER_OBJECT, TEMPLATE_CHARACTERS_PER_UNIT, TemplateBudget, TemplateLimitExceeded } from '../object-types/template-budget.js';
import { templateFailed, templateOutputTooLong, templateStepsExceeded } from '../errors.js';
import { LONGEST_TARGET_VALUE } from './mapped-values.js';

export type FieldValues = Readonly<Record<string, string>>;
type Render = (context: { _source: unknown }, options: { data: Record<string, unknown>; allowProtoPropertiesByDefault: false; allowProtoMethodsByDefault: false }) => string;

/** The value at `a.b` in an object, through own members only: never `constructor` or `__proto__` of Object. */
export function valueAtPath(document: unknown, path: string): unknown {
  let current: unknown = document;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Walks `_source.a.b`: the leading `_source` is the object itself. */
function readPath(source: unknown, path: string): unknown {
  const dot = path.indexOf('.');
  return dot < 0 ? source : valueAtPath(source, path.slice(dot + 1));
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

  private compile(template: string): Render {
    let render = this.compiled.get(template);
    if (!render) {
      render = this.handlebars.compile(template, { noEscape: true, strict: false }) as Render;
      this.compiled.set(template, render);
    }
    return render;
  }

  /** Throws BadRequestException naming the field whose template broke a limit or failed. */
  extract(object: unknown): FieldValues {
    const values: Record<string, string> = {};
    const budget = new TemplateBudget(TEMPLATE_BUDGET_PER_OBJECT, LONGEST_TARGET_VALUE);
    for (const [name, field] of Object.entries(this.fields)) {
      const value = isTemplate(field.source) ? this.render(name, field.source, object, budget) : readPath(object, field.source);
      const text = asText(value);
      if (text !== undefined) values[name] = text;
    }
    return values;
  }

  private render(name: string, template: string, object: unknown, budget: TemplateBudget): string {
    budget.rendering(template);
    try {
      // Only the document's own members: Handlebars then neither reads nor warns about Object's.
      const options = { data: { [BUDGET_DATA]: budget }, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;
      return budget.output(this.compile(template)({ _source: object }, options));
    } catch (error) {
      if (error instanceof TemplateLimitExceeded) {
        throw error.limit === 'steps' ? templateStepsExceeded(name, error.value, TEMPLATE_CHARACTERS_PER_UNIT) : templateOutputTooLong(name, error.value);
      }
      // Rendering reads only the object, so whatever fails here (a helper that does not exist, too deep a recursion) is the input's doing.
      throw templateFailed(name, error instanceof Error ? error.message.split('\n')[0]! : String(error));
    }
  }
}
