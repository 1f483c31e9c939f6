// Runs one extension request once its signature is verified: route, parse, authorize the route's action on
// its resources (through the same authorizer as the model's operations), refuse NUL characters, handle,
// answer JSON.
import type { Logger } from 'pino';
import type { Container } from '../../container.js';
import type { Principal } from '../../auth/principal.js';
import type { RequestOrigin } from '../../auth/request-origin.js';
import { unknownOperation, validationFailed } from '../../domain/errors.js';
import { jsonTextViolations } from '../../shapes/input-text.js';
import type { Scope } from '../../storage/ports.js';
import { parseJsonBody } from '../codec/json-body.js';
import { parseQueryString } from '../codec/query-string.js';
import type { WireResponse } from '../codec/to-wire.js';
import type { ExtensionContext, ExtensionRequest } from './extension-route.js';
import type { ExtensionRouter } from './extension-router.js';

export interface VerifiedExtensionCall {
  readonly method: string;
  readonly rawPath: string;
  readonly rawQuery: string;
  readonly body: Uint8Array;
  readonly requestId: string;
  readonly principal: Principal;
  readonly scope: Scope;
  readonly origin: RequestOrigin;
}

export async function handleExtension(container: Container, router: ExtensionRouter, call: VerifiedExtensionCall, log: Logger): Promise<WireResponse> {
  const match = router.match(call.method, call.rawPath);
  if (!match) throw unknownOperation(call.method, call.rawPath);
  const { route, labels } = match;
  const request: ExtensionRequest = {
    labels,
    query: parseQueryString(call.rawQuery),
    body: parseJsonBody(call.body) as Record<string, unknown> | undefined,
  };
  const context: ExtensionContext = {
    scope: call.scope,
    principal: call.principal,
    requestId: call.requestId,
    services: container.services,
    log: log.child({ extension: route.path, accountId: call.scope.accountId, region: call.scope.region }),
    origin: call.origin,
    container,
  };
  const arns = await route.resources(context, request);
  await container.authorizer.authorizeAction({ action: route.action, principal: call.principal, scope: call.scope, resourceArns: arns, origin: call.origin });
  // As invoke() does for the model's operations, after authorization: no NUL in labels, query or body.
  const violations = [
    ...Object.entries(labels).flatMap(([name, value]) => jsonTextViolations(value, name)),
    ...[...request.query].flatMap(([name, values]) => jsonTextViolations(values, name)),
    ...jsonTextViolations(request.body, ''),
  ];
  if (violations.length > 0) throw validationFailed(violations);
  const result = await route.handle(context, request);
  return { statusCode: result.statusCode ?? 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result.body ?? {}) };
}
