// The contract's constraints on each shape (length, range, pattern), read from the pinned models as code
// generation merges them, so the fuzzer can aim just inside and just outside them.
import { loadContract } from '../../codegen/model-union.js';
import { NAMESPACE } from '../../codegen/model.js';

export interface ShapeConstraints {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
}

let cached: Map<string, ShapeConstraints> | undefined;

/** Constraints by the schema's shape key (the Smithy shape name without its namespace). */
export function constraintsOf(key: string): ShapeConstraints {
  cached ??= load();
  return cached.get(key) ?? {};
}

function load(): Map<string, ShapeConstraints> {
  const model = loadContract();
  const out = new Map<string, ShapeConstraints>();
  for (const [id, shape] of Object.entries(model.shapes)) {
    if (!id.startsWith(NAMESPACE)) continue;
    const traits = shape.traits ?? {};
    const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
    const range = traits['smithy.api#range'] as { min?: number; max?: number } | undefined;
    const pattern = traits['smithy.api#pattern'] as string | undefined;
    out.set(id.slice(NAMESPACE.length), {
      ...(length?.min !== undefined && { minLength: length.min }),
      ...(length?.max !== undefined && { maxLength: length.max }),
      ...(range?.min !== undefined && { min: range.min }),
      ...(range?.max !== undefined && { max: range.max }),
      ...(pattern !== undefined && { pattern }),
    });
  }
  return out;
}
