// The two awsQuery services on our port, each as its generated tables plus its action registry.
import * as iamOperations from '../../generated/iam/operations.js';
import { schema as iamSchema } from '../../generated/iam/schema.js';
import { inputValidators as iamValidators } from '../../generated/iam/validators.js';
import * as stsOperations from '../../generated/sts/operations.js';
import { schema as stsSchema } from '../../generated/sts/schema.js';
import { inputValidators as stsValidators } from '../../generated/sts/validators.js';
import type { Violation } from '../../generated/validators.js';
import { iamActions, stsActions } from './actions/index.js';
import type { ActionHandler } from './actions/types.js';
import type { QuerySchema } from './query-input.js';

export interface QueryOperation {
  readonly input: string;
  readonly output: string | undefined;
  readonly resultWrapper: string | undefined;
  readonly iamAction: string;
}

export interface QueryService {
  readonly signingName: string;
  readonly apiVersion: string;
  readonly xmlNamespace: string;
  readonly schema: QuerySchema;
  readonly validators: Readonly<Record<string, (value: unknown) => Violation[]>>;
  readonly operations: Readonly<Record<string, QueryOperation>>;
  readonly actions: Readonly<Record<string, ActionHandler<never, unknown>>>;
}

export const QUERY_SERVICES: Readonly<Record<string, QueryService>> = {
  iam: { ...iamOperations.service, schema: iamSchema, validators: iamValidators, operations: iamOperations.operations, actions: iamActions },
  sts: { ...stsOperations.service, schema: stsSchema, validators: stsValidators, operations: stsOperations.operations, actions: stsActions },
};
