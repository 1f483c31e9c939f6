// The one entry point to an operation, shared by the HTTP edge, the CLI and in-process callers:
// authorize, refuse what is not implemented, validate against the model, run the handler.
// Authorization comes first, as in AWS: a caller without permission learns nothing about the
// operation or its input (and the authorization sweep reaches every operation of the model).
import { operations, type OperationName, type OperationTypes } from '../generated/operations.js';
import { inputValidators } from '../generated/validators.js';
import { schema } from '../generated/schema.js';
import { textViolations } from '../shapes/input-text.js';
import type { Authorizer } from '../auth/profile-authorizer.js';
import { operationNotImplemented, validationFailed } from '../domain/errors.js';
import { registry } from './index.js';
import type { OperationContext, OperationHandler } from './types.js';

export async function invoke<N extends OperationName>(
  name: N,
  ctx: OperationContext,
  input: OperationTypes[N]['input'],
  authorizer: Authorizer,
): Promise<OperationTypes[N]['output']> {
  const definition = operations[name];
  const handler = registry[name] as OperationHandler<N> | undefined;
  await authorizer.authorize({
    operation: name,
    principal: ctx.principal,
    scope: ctx.scope,
    input: input as Readonly<Record<string, unknown>>,
    origin: ctx.origin ?? { time: new Date(), region: ctx.scope.region, secureTransport: false },
  });
  if (!handler) throw operationNotImplemented(name);
  const violations = [...(inputValidators[definition.input]?.(input) ?? []), ...textViolations(schema, definition.input, input)];
  if (violations.length > 0) throw validationFailed(violations);
  return handler(ctx, input);
}
