// What one object's templates may cost (issue 12): block steps (every block helper call and every item a
// block iterates) shared by all the fields of one object, and output per field. Templates run on the
// thread that serves every client, so a nested `#each` must stop, not grow as n², n³.
import { codePoints } from '../../generated/validation-runtime.js';

/**
 * What all the templates of one object may spend together. A step costs one unit per started 20
 * characters of its template, since one step renders at most the whole template once: 10,000 steps of
 * a short template, 200 of a 1,000-character one (measured in docs/decisions.md).
 */
export const TEMPLATE_BUDGET_PER_OBJECT = 10_000;
export const TEMPLATE_CHARACTERS_PER_UNIT = 20;
/** How deep blocks may nest in one Source; checked when the object type is saved. */
export const TEMPLATE_MAX_BLOCK_DEPTH = 3;

/** Units one step of `template` costs. */
export function stepCost(template: string): number {
  return Math.max(1, Math.ceil(template.length / TEMPLATE_CHARACTERS_PER_UNIT));
}

export class TemplateLimitExceeded extends Error {
  constructor(
    readonly limit: 'steps' | 'output',
    readonly value: number,
  ) {
    super(`template ${limit} limit of ${value} exceeded`);
  }
}

/** One object's evaluation: counts its units down and measures output as it grows. */
export class TemplateBudget {
  #left: number;
  #cost = 1;
  readonly #units: number;
  readonly #maxOutput: number;

  constructor(units: number, maxOutput: number) {
    this.#left = units;
    this.#units = units;
    this.#maxOutput = maxOutput;
  }

  /** The template rendered next: its steps cost stepCost(template). */
  rendering(template: string): void {
    this.#cost = stepCost(template);
  }

  step(): void {
    this.#left -= this.#cost;
    if (this.#left < 0) throw new TemplateLimitExceeded('steps', this.#units);
  }

  /** Returns `text` unless it is longer (in code points) than any field may be. */
  output(text: string): string {
    // A code point is one or two UTF-16 units: only a length between the limit and twice it needs counting.
    if (text.length > this.#maxOutput && (text.length > 2 * this.#maxOutput || codePoints(text) > this.#maxOutput)) {
      throw new TemplateLimitExceeded('output', this.#maxOutput);
    }
    return text;
  }
}
