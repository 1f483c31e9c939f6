// One awsQuery request (IAM or STS) end to end: authenticate, find the Action, bind and validate the
// form parameters, authorize iam:<Action> on the named resource, run, and answer XML.
import type { Logger } from 'pino';
import type { Container } from '../../container.js';
import { authenticateHeaders, verifyBody, SigV4Error } from '../../auth/sigv4/verify.js';
import { QueryError, accessDenied, invalidAction, missingAction, serviceFailure, storageFullFailure, validationError } from '../../domain/iam/errors.js';
import { StorageFullError } from '../../storage/errors.js';
import type { WireResponse } from '../codec/to-wire.js';
import type { RawRequest } from '../handle-request.js';
import { originOf } from '../request-origin.js';
import { bindQueryValue, parseQueryParams } from './query-input.js';
import { textViolations } from '../../shapes/input-text.js';
import { QUERY_SERVICES, type QueryService } from './query-services.js';
import { writeQueryError, writeQueryResponse } from './query-xml.js';
import type { ActionContext } from './actions/types.js';

const FORM_CONTENT = /^application\/x-www-form-urlencoded\s*(;|$)/i;
/** IAM actions that change nothing (the simulator only reads policies). */
const READ_ONLY = /^[a-z]+:(Get|List|Simulate)/;

/** awsQuery requests go to `/`: a form-encoded POST, or a GET naming its Action in the query. */
export function isQueryRequest(request: Pick<RawRequest, 'method' | 'headers'>, rawPath: string, rawQuery: string): boolean {
  if (rawPath !== '/') return false;
  const contentType = request.headers['content-type'];
  if (request.method === 'POST') return typeof contentType === 'string' && FORM_CONTENT.test(contentType);
  return request.method === 'GET' && /(^|&)Action=/.test(rawQuery);
}

export async function handleQueryRequest(container: Container, request: RawRequest, rawQuery: string, log: Logger): Promise<WireResponse> {
  let service: QueryService | undefined;
  let action: string | undefined;
  try {
    const now = container.clock();
    const pending =
      request.signature ??
      (await authenticateHeaders({ method: request.method, rawPath: '/', rawQuery, rawHeaders: request.rawHeaders }, container.credentials.lookup, {
        services: ['iam', 'sts'],
        now,
      }));
    const verified = await verifyBody(pending, request.body);
    await container.credentials.noteUse(verified.key, verified.service, verified.region, now);
    service = QUERY_SERVICES[verified.service];
    if (!service) throw new Error(`no awsQuery service ${verified.service}`);
    const params = parseQueryParams(rawQuery, request.body);
    action = params.get('Action');
    if (action === undefined) throw missingAction();
    const operation = Object.hasOwn(service.operations, action) ? service.operations[action] : undefined;
    const handler = service.actions[action];
    if (!operation || !handler) throw invalidAction(action, params.get('Version') ?? service.apiVersion);
    const input = bindQueryValue(service.schema, operation.input, params, '') as never;
    // Unlike invoke(), validation comes before authorization here: the resource ARN is built from
    // the names in the input, which must be well-formed first.
    const violations = [...(service.validators[operation.input]?.(input) ?? []), ...textViolations(service.schema, operation.input, input)];
    if (violations.length > 0) throw validationError(violations);

    const principal = verified.key.principal;
    const origin = originOf(request, verified.region, now);
    const ctx: ActionContext = { accountId: principal.accountId, principal, now, services: container.iam, store: container.store, origin };
    if (handler.target) {
      const target = await handler.target(ctx, input);
      const entity = target.entity;
      const denial = await container.policies.check({
        principal,
        action: operation.iamAction,
        resources: [{ arn: target.arn }],
        ...(entity
          ? { storedTags: async () => new Map([[target.arn, await container.store.iam.tags.get(principal.accountId, entity)]]) }
          : {}),
        ...(target.requestTags && Object.keys(target.requestTags).length > 0 ? { requestTags: target.requestTags } : {}),
        ...(target.tagKeys ? { tagKeys: target.tagKeys } : {}),
        origin,
      });
      if (denial) throw accessDenied(denial.message);
    }
    let output: Record<string, unknown>;
    try {
      output = (await handler.run(ctx, input)) as Record<string, unknown>;
    } finally {
      // Whatever an IAM action changed (even one that failed half-way) must show in the next decision,
      // and a key deactivated, deleted or expired and removed (AssumeRole) must stop working at once.
      if (!READ_ONLY.test(operation.iamAction)) {
        container.credentials.invalidate(principal.accountId);
        if (verified.service === 'iam') container.policies.invalidate(principal.accountId);
      }
    }
    const body = writeQueryResponse(service.schema, {
      action,
      xmlNamespace: service.xmlNamespace,
      requestId: request.id,
      ...(operation.output && operation.resultWrapper ? { output: { shape: operation.output, wrapper: operation.resultWrapper, value: output } } : {}),
    });
    return { statusCode: 200, headers: { 'content-type': 'text/xml' }, body };
  } catch (error) {
    if (error instanceof StorageFullError) {
      container.storageFullLog.report(log, error, { action });
      return queryErrorResponse(storageFullFailure(), request.id, service?.xmlNamespace, log);
    }
    return queryErrorResponse(error, request.id, service?.xmlNamespace, log.child({ action }));
  }
}

export function queryErrorResponse(error: unknown, requestId: string, xmlNamespace: string | undefined, log: Logger): WireResponse {
  let wire: QueryError;
  if (error instanceof QueryError) wire = error;
  else if (error instanceof SigV4Error) wire = new QueryError(error.code, error.statusCode, 'client', error.message);
  else {
    log.error({ err: error }, 'unexpected failure in the IAM/STS API');
    wire = serviceFailure();
  }
  return { statusCode: wire.statusCode, headers: { 'content-type': 'text/xml' }, body: writeQueryError(wire, requestId, xmlNamespace) };
}
