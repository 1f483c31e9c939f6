// Renders every file of src/generated/ from the pinned models, as a map of path (relative to
// src/generated/) -> contents: Customer Profiles at the top, each awsQuery service in its folder.
import { loadContract } from './model-union.js';
import { emitTypes } from './emit-types.js';
import { emitSchema, emitSchemaTypes } from './emit-schema.js';
import { emitValidationRuntime, emitValidators } from './emit-validators.js';
import { emitOperations } from './emit-operations.js';
import { emitErrors } from './emit-errors.js';
import { emitAuthorization } from './emit-authorization.js';
import { loadQueryService } from './botocore.js';
import { emitQueryOperations } from './emit-query-operations.js';
import { emitQueryErrors } from './emit-query-errors.js';
import { QUERY_SERVICES } from './query-services.js';

export function generate(): Map<string, string> {
  const model = loadContract();
  const files = new Map([
    ['schema-types.ts', emitSchemaTypes()],
    ['validation-runtime.ts', emitValidationRuntime()],
    ['shapes.ts', emitTypes(model)],
    ['schema.ts', emitSchema(model)],
    ['validators.ts', emitValidators(model)],
    ['operations.ts', emitOperations(model)],
    ['errors.ts', emitErrors(model)],
    ['authorization.ts', emitAuthorization(model)],
  ]);
  for (const config of QUERY_SERVICES) {
    const service = loadQueryService(config.source, config.namespace, config.operations);
    files.set(`${config.name}/shapes.ts`, emitTypes(service.smithy, config.source));
    files.set(`${config.name}/schema.ts`, emitSchema(service.smithy, config.source, '../schema-types.js'));
    files.set(`${config.name}/validators.ts`, emitValidators(service.smithy, config.source, '../validation-runtime.js'));
    files.set(`${config.name}/operations.ts`, emitQueryOperations(service));
    files.set(`${config.name}/errors.ts`, emitQueryErrors(service));
  }
  return files;
}
