// Renders every file of src/generated/ from the pinned model, as a map of file name -> contents.
import { loadModel } from './model.js';
import { emitTypes } from './emit-types.js';
import { emitSchema } from './emit-schema.js';
import { emitValidators } from './emit-validators.js';
import { emitOperations } from './emit-operations.js';
import { emitErrors } from './emit-errors.js';

export function generate(): Map<string, string> {
  const model = loadModel();
  return new Map([
    ['shapes.ts', emitTypes(model)],
    ['schema.ts', emitSchema(model)],
    ['validators.ts', emitValidators(model)],
    ['operations.ts', emitOperations(model)],
    ['errors.ts', emitErrors(model)],
  ]);
}
