// Every message the IAM and STS APIs emit, each behind a named factory; codes and statuses of
// modelled errors come from the generated tables (src/generated/iam|sts/errors.ts).
import { modeledErrors as iamErrors } from '../../generated/iam/errors.js';
import { modeledErrors as stsErrors } from '../../generated/sts/errors.js';
import { storageFull, validationFailed, type InputViolation } from '../errors.js';

/** An awsQuery error: `<Error><Type/><Code/><Message/></Error>` with its HTTP status. */
export class QueryError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    readonly fault: 'client' | 'server',
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

function modeled(definition: { code: string; statusCode: number; fault: 'client' | 'server' }, message: string): QueryError {
  return new QueryError(definition.code, definition.statusCode, definition.fault, message);
}

/** Entities as IAM names them in messages. */
export type EntityNoun = 'user' | 'group' | 'role' | 'user policy' | 'group policy' | 'role policy';

// ---- protocol (errors common to every awsQuery service) ----------------------------------

/** The Coral message the Customer Profiles edge writes (domain/errors.ts), under IAM's ValidationError code. */
export function validationError(violations: readonly InputViolation[]): QueryError {
  return new QueryError('ValidationError', 400, 'client', validationFailed(violations).message);
}

export function missingAction(): QueryError {
  return new QueryError('MissingAction', 400, 'client', 'Missing Action');
}

export function invalidAction(action: string, version: string): QueryError {
  return new QueryError('InvalidAction', 400, 'client', `Could not find operation ${action} for version ${version}`);
}

export function accessDenied(message: string): QueryError {
  return new QueryError('AccessDenied', 403, 'client', message);
}

export function invalidInput(message: string): QueryError {
  return modeled(iamErrors.InvalidInputException, message);
}

export function serviceFailure(): QueryError {
  return modeled(iamErrors.ServiceFailureException, 'An internal error occurred. Try again later.');
}

export function storageFullFailure(): QueryError {
  return modeled(iamErrors.ServiceFailureException, storageFull().message);
}

// ---- IAM entities ------------------------------------------------------------------------

export function noSuchEntity(noun: EntityNoun, name: string): QueryError {
  return modeled(iamErrors.NoSuchEntityException, `The ${noun} with name ${name} cannot be found.`);
}

export function noSuchPolicy(arn: string): QueryError {
  return modeled(iamErrors.NoSuchEntityException, `Policy ${arn} does not exist or is not attachable.`);
}

export function noSuchPolicyVersion(arn: string, versionId: string): QueryError {
  return modeled(iamErrors.NoSuchEntityException, `Policy ${arn} version ${versionId} does not exist or is not attachable.`);
}

export function noSuchAccessKey(accessKeyId: string): QueryError {
  return modeled(iamErrors.NoSuchEntityException, `The Access Key with id ${accessKeyId} cannot be found.`);
}

export function entityAlreadyExists(noun: 'User' | 'Group' | 'Role', name: string): QueryError {
  return modeled(iamErrors.EntityAlreadyExistsException, `${noun} with name ${name} already exists.`);
}

export function policyAlreadyExists(name: string): QueryError {
  return modeled(iamErrors.EntityAlreadyExistsException, `A policy called ${name} already exists. Duplicate names are not allowed.`);
}

export function deleteConflict(what: string): QueryError {
  return modeled(iamErrors.DeleteConflictException, `Cannot delete entity, must ${what} first.`);
}

export function policyInUse(): QueryError {
  return modeled(iamErrors.DeleteConflictException, 'Cannot delete a policy attached to entities.');
}

export function defaultVersionInUse(): QueryError {
  return modeled(iamErrors.DeleteConflictException, 'Cannot delete the default version of a policy.');
}

export function limitExceeded(quota: string, limit: number): QueryError {
  return modeled(iamErrors.LimitExceededException, `Cannot exceed quota for ${quota}: ${limit}`);
}

export function malformedPolicyDocument(detail: string): QueryError {
  return modeled(iamErrors.MalformedPolicyDocumentException, detail);
}

export function invalidPolicyArn(arn: string): QueryError {
  return invalidInput(`ARN ${arn} is not valid.`);
}

export function principalNotInAccount(): QueryError {
  return invalidInput('The entity must belong to the caller\u2019s account.');
}

// ---- STS ---------------------------------------------------------------------------------

export function sessionTokenNotForSessions(): QueryError {
  return accessDenied('Cannot call GetSessionToken with session credentials');
}

export function sessionPolicyMalformed(detail: string): QueryError {
  return modeled(stsErrors.MalformedPolicyDocumentException, detail);
}

export function durationExceedsRole(duration: number, max: number): QueryError {
  return new QueryError(
    'ValidationError',
    400,
    'client',
    `The requested DurationSeconds exceeds the MaxSessionDuration set for this role (${duration} > ${max}).`,
  );
}
