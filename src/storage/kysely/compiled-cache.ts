// Reuses compiled queries across calls of the same shape: a query is built and compiled once with
// placeholder values, then each call swaps its own values in. Building and compiling with Kysely
// costs more than SQLite takes to run our hot queries, so the search path skips it.
import { CompiledQuery } from 'kysely';
import type { Compilable, Kysely, QueryResult } from 'kysely';
import type { Database } from '../schema.js';

/** Distinct shapes kept (least recently used first out). */
const MAX_SHAPES = 200;

type Slot = { readonly index: number } | { readonly constant: unknown };

interface Template {
  readonly sql: string;
  readonly slots: readonly Slot[];
}

const MARK = '\u0000slot:';

/** Stands for the i-th value while a query is built; typed as whatever the builder expects there. */
export type SlotOf = (index: number) => any;

export class CompiledQueryCache {
  readonly #templates = new Map<string, Template>();

  /**
   * Runs the query of `shape` with `values`. `build` must use `slot(i)` for values[i] everywhere a
   * value goes, and produce the same query for every call of one shape.
   */
  async execute<R>(db: Kysely<Database>, shape: string, values: readonly unknown[], build: (slot: SlotOf) => Compilable<R>): Promise<QueryResult<R>> {
    let template = this.#templates.get(shape);
    if (template === undefined) {
      template = compileTemplate(build((index) => `${MARK}${index}`).compile());
      if (this.#templates.size >= MAX_SHAPES) this.#templates.delete(this.#templates.keys().next().value!);
    } else {
      this.#templates.delete(shape);
    }
    this.#templates.set(shape, template);
    const parameters = template.slots.map((slot) => ('index' in slot ? values[slot.index] : slot.constant));
    return db.executeQuery<R>(CompiledQuery.raw(template.sql, parameters) as CompiledQuery<R>);
  }
}

function compileTemplate(compiled: CompiledQuery): Template {
  const slots = compiled.parameters.map((parameter): Slot => {
    if (typeof parameter === 'string' && parameter.startsWith(MARK)) return { index: Number(parameter.slice(MARK.length)) };
    return { constant: parameter };
  });
  return { sql: compiled.sql, slots };
}

const shared = new CompiledQueryCache();

/**
 * Runs `build`'s query through one process-wide cache, per dialect: repositories are made anew for
 * every transaction, so a cache of their own would start empty each time.
 */
export function runCompiled<R>(db: Kysely<Database>, shape: string, values: readonly unknown[], build: (slot: SlotOf) => Compilable<R>): Promise<QueryResult<R>> {
  return shared.execute(db, `${db.getExecutor().adapter.constructor.name}:${shape}`, values, build);
}
