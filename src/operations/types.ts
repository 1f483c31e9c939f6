// What an operation handler receives and returns: typed input in, typed output out; no HTTP, no SQL.
import type { Logger } from 'pino';
import type { OperationName, OperationTypes } from '../generated/operations.js';
import type { Principal } from '../auth/principal.js';
import type { RequestOrigin } from '../auth/request-origin.js';
import type { Services } from '../domain/services.js';
import type { Scope } from '../storage/ports.js';

export interface OperationContext {
  readonly scope: Scope;
  readonly principal: Principal;
  readonly requestId: string;
  readonly services: Services;
  readonly log: Logger;
  /** What policies may test about the request; absent for in-process callers (the CLI). */
  readonly origin?: RequestOrigin;
}

export type OperationHandler<N extends OperationName> = (
  ctx: OperationContext,
  input: OperationTypes[N]['input'],
) => Promise<OperationTypes[N]['output']>;

export type Registry = { readonly [N in OperationName]?: OperationHandler<N> };
