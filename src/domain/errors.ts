// Every error message the service emits, each behind a named factory so tests can pin it.
import {
  AccessDeniedException,
  BadRequestException,
  InternalServerException,
  ResourceNotFoundException,
  ServiceException,
  ThrottlingException,
} from '../generated/errors.js';
import type { Violation } from '../generated/validators.js';
import type { TextViolation } from '../shapes/input-text.js';

/** An error outside the model's five (protocol-level: unknown route, not implemented). */
export class UnmodeledServiceError extends ServiceException {
  readonly fault = 'client' as const;
  constructor(
    override readonly name: string,
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

// ---- request shape -----------------------------------------------------------------------

/** A broken model constraint (generated validators) or a character or key no input may hold (input-text.ts). */
export type InputViolation = Violation | TextViolation;

function describeViolation(violation: InputViolation): string {
  const at = `at '${violation.path}' failed to satisfy constraint: Member must`;
  switch (violation.rule) {
    case 'required':
      return `Value null ${at} not be null`;
    case 'type':
      return `Value ${at} be of type ${violation.expected}`;
    case 'minLength':
      return `Value ${at} have length greater than or equal to ${violation.limit}`;
    case 'maxLength':
      return `Value ${at} have length less than or equal to ${violation.limit}`;
    case 'min':
      return `Value ${at} have value greater than or equal to ${violation.limit}`;
    case 'max':
      return `Value ${at} have value less than or equal to ${violation.limit}`;
    case 'pattern':
      return `Value ${at} satisfy regular expression pattern: ${violation.pattern}`;
    case 'enum':
      return `Value ${at} satisfy enum value set: [${violation.values.join(', ')}]`;
    case 'union':
      return `Value ${at} have exactly one member set`;
    case 'nul':
      return `Value ${at} not contain the NUL character (U+0000)`;
    case 'reservedKey':
      return `Value ${at} not be ${violation.key}`;
  }
}

export function validationFailed(violations: readonly InputViolation[]): BadRequestException {
  const count = violations.length;
  const noun = count === 1 ? 'error' : 'errors';
  return new BadRequestException(`${count} validation ${noun} detected: ${violations.map(describeViolation).join('; ')}`);
}

export function malformedJsonBody(): BadRequestException {
  return new BadRequestException('The request body is not valid JSON.');
}

export function bodyNotAnObject(): BadRequestException {
  return new BadRequestException('The request body must be a JSON object.');
}

export function bodyNotUtf8(): BadRequestException {
  return new BadRequestException('The request body is not valid UTF-8.');
}

export function bodyTooLarge(limitBytes: number): BadRequestException {
  return new BadRequestException(`The request body exceeds the maximum size of ${limitBytes} bytes.`);
}

export function serverBusyReadingBodies(): ThrottlingException {
  return new ThrottlingException('The server is holding as many request bodies as it can; retry shortly.');
}

/** An HTTP request the server's parser could not read (a malformed request line or header). */
export function unreadableHttpRequest(reason: string): BadRequestException {
  return new BadRequestException(`The HTTP request could not be read: ${reason}.`);
}

export function headersTooLarge(): UnmodeledServiceError {
  return new UnmodeledServiceError('RequestHeaderFieldsTooLarge', 431, 'The request headers exceed the maximum allowed size.');
}

export function requestTimedOut(): UnmodeledServiceError {
  return new UnmodeledServiceError('RequestTimeout', 408, 'The request was not received in time.');
}

export function unsupportedContentType(contentType: string): BadRequestException {
  return new BadRequestException(`Unsupported Content-Type '${contentType}': send application/json.`);
}

export function malformedPercentEncoding(where: string): BadRequestException {
  return new BadRequestException(`The request ${where} contains malformed percent-encoding.`);
}

export function invalidNextToken(): BadRequestException {
  return new BadRequestException('The NextToken is invalid or belongs to another request.');
}

// ---- routing -----------------------------------------------------------------------------

export function unknownOperation(method: string, path: string): UnmodeledServiceError {
  return new UnmodeledServiceError('UnknownOperationException', 404, `No operation matches ${method} ${path}.`);
}

/**
 * 400, not 501: the JS v2 SDK retries any 5xx (501 included), and a 400 whose error type is not a throttling,
 * transient or clock-skew code is final in every AWS SDK, so one call puts one request on the wire.
 */
export function operationNotImplemented(operation: string): UnmodeledServiceError {
  return new UnmodeledServiceError(
    'NotImplementedException',
    400,
    `The operation ${operation} is part of the Customer Profiles API but is not implemented by this server yet.`,
  );
}

// ---- domains -----------------------------------------------------------------------------

export function domainAlreadyExists(name: string): BadRequestException {
  return new BadRequestException(`Domain ${name} already exists`);
}

export function domainNotFound(name: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Domain ${name} does not exist`);
}

export function domainQuotaExceeded(limit: number): BadRequestException {
  return new BadRequestException(`An account may have at most ${limit} domains in a region.`);
}

// ---- object types and templates -----------------------------------------------------------

export function objectTypeRuleBroken(rule: number, detail: string): BadRequestException {
  return new BadRequestException(`Invalid object type (rule ${rule}): ${detail}.`);
}

export function objectTypeNotFound(domainName: string, name: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Object type ${name} does not exist in domain ${domainName}`);
}

export function templateNotFound(templateId: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Template ${templateId} does not exist`);
}

export function templateWithMapping(): BadRequestException {
  return new BadRequestException('TemplateId supplies Fields, Keys, AllowProfileCreation and SourceLastUpdatedTimestampFormat; do not send them too.');
}

export function mappingMissing(): BadRequestException {
  return new BadRequestException('Give either TemplateId or both Fields and Keys.');
}

export function reservedObjectTypeName(name: string): BadRequestException {
  return new BadRequestException(`Object type names starting with _ are reserved for standard objects: ${name}`);
}

export function objectTypeQuotaExceeded(limit: number): BadRequestException {
  return new BadRequestException(`A domain can have at most ${limit} object types.`);
}

export function objectBudgetExceeded(limit: number, requested: number): BadRequestException {
  return new BadRequestException(`MaxProfileObjectCount of the domain's object types would total ${requested}, over the ${limit} objects a profile can hold.`);
}

// ---- tags --------------------------------------------------------------------------------

export function invalidResourceArn(arn: string): BadRequestException {
  return new BadRequestException(`${arn} is not a valid Customer Profiles resource ARN.`);
}

export function taggedResourceNotFound(arn: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Resource ${arn} does not exist`);
}

export function tooManyTags(limit: number): BadRequestException {
  return new BadRequestException(`A resource can have at most ${limit} tags.`);
}

// ---- profiles ----------------------------------------------------------------------------

/** A write that would take a profile past its size limit; merges found by matching skip it (spec §3.15). */
export class ProfileTooLarge extends BadRequestException {}

export function profileTooLarge(bytes: number, limit: number): ProfileTooLarge {
  return new ProfileTooLarge(
    `The profile would hold more than ${limit} bytes (250 KB), the most a profile may hold (${bytes} bytes counted: its members and attributes as stored, as UTF-8 JSON); nothing was written.`,
  );
}

export function standardRecordTooLarge(objectName: string, bytes: number, limit: number): BadRequestException {
  return new BadRequestException(`The ${objectName} record would hold ${bytes} bytes, over the limit of ${limit} bytes (250 KB) an object may hold. The object was not ingested.`);
}

export function profileNotFound(profileId: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Profile ${profileId} does not exist`);
}

export function reservedKeyName(keyName: string): BadRequestException {
  return new BadRequestException(`Key ${keyName} is maintained by the service and cannot be added or deleted.`);
}

export function profileKeyNotFound(profileId: string, keyName: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Profile ${profileId} holds none of the given values of key ${keyName}`);
}

export function tooManyKeyValues(keyName: string, limit: number): BadRequestException {
  return new BadRequestException(`At most ${limit} values may be given for key ${keyName}.`);
}

export function mainProfileInMergeList(profileId: string): BadRequestException {
  return new BadRequestException(`Profile ${profileId} cannot be merged into itself: MainProfileId must not be in ProfileIdsToBeMerged.`);
}

export function fieldSourceNotInMerge(field: string, profileId: string): BadRequestException {
  return new BadRequestException(
    `FieldSourceProfileIds.${field} names profile ${profileId}, which is neither the main profile nor one of the profiles to be merged.`,
  );
}

// ---- ingestion (profile objects) ---------------------------------------------------------

export function objectNotJson(): BadRequestException {
  return new BadRequestException('Object is not valid JSON.');
}

export function objectNotAnObject(): BadRequestException {
  return new BadRequestException('Object must be a JSON object.');
}

export function mappedValueRefused(fieldName: string, target: string, violation: Violation): BadRequestException {
  return new BadRequestException(`Field ${fieldName} maps a value to ${target} that the model does not allow there: ${describeViolation(violation)}. The object was not ingested.`);
}

export function keyValueRefused(keyName: string, violation: Violation): BadRequestException {
  return new BadRequestException(
    `Key ${keyName} gets a value longer than a profile key can hold (the values AddProfileKey and SearchProfiles take): ${describeViolation(violation)}. The object was not ingested.`,
  );
}

export function templateStepsExceeded(fieldName: string, units: number, charactersPerUnit: number): BadRequestException {
  return new BadRequestException(
    `Field ${fieldName}: the object type's templates exceeded the evaluation budget of one object (${units} units; every block helper call and every item a block iterates costs a unit per started ${charactersPerUnit} characters of its template). The object was not ingested.`,
  );
}

export function templateOutputTooLong(fieldName: string, limit: number): BadRequestException {
  return new BadRequestException(`Field ${fieldName}: its template produced more than ${limit} characters, longer than any target takes. The object was not ingested.`);
}

export function templateFailed(fieldName: string, reason: string): BadRequestException {
  return new BadRequestException(`Field ${fieldName}: its template failed on this object: ${reason}. The object was not ingested.`);
}

export function objectHoldsNul(path: string): BadRequestException {
  return new BadRequestException(`Object holds the NUL character (U+0000) at ${path}, which cannot be stored.`);
}

export function missingUniqueKey(objectTypeName: string, keyName: string): BadRequestException {
  return new BadRequestException(`Object is missing the unique key ${keyName} of object type ${objectTypeName}: every field of that key must have a value.`);
}

export function missingProfileKey(objectTypeName: string): BadRequestException {
  return new BadRequestException(`Object has no value for any PROFILE key of object type ${objectTypeName}, so no profile can be found for it.`);
}

export function profileObjectLimitReached(profileId: string, objectTypeName: string, limit: number): BadRequestException {
  return new BadRequestException(`Profile ${profileId} already holds ${limit} objects of type ${objectTypeName}, its MaxProfileObjectCount.`);
}

export function profileObjectBudgetReached(profileId: string, limit: number): BadRequestException {
  return new BadRequestException(`Profile ${profileId} already holds ${limit} objects, the most a profile can hold.`);
}

export function profileObjectNotFound(profileId: string, objectTypeName: string, objectKey: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Profile ${profileId} holds no ${objectTypeName} object with key ${objectKey}`);
}

export function standardObjectsNotListed(name: string): BadRequestException {
  return new BadRequestException(`${name} is not a standard object that ListProfileObjects can list; list the object type that carried the data instead.`);
}

export function ambiguousStandardObject(objectName: string, keyNames: readonly string[]): BadRequestException {
  return new BadRequestException(`Object matches more than one ${objectName} record through its keys ${keyNames.join(', ')}; it was not ingested.`);
}

// ---- authorization -----------------------------------------------------------------------

export function notAuthorized(principalArn: string, action: string, resourceArn: string, explicitDeny: boolean): AccessDeniedException {
  const because = explicitDeny
    ? `with an explicit deny in an identity-based policy`
    : `because no identity-based policy allows the ${action} action`;
  return new AccessDeniedException(
    `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resourceArn} ${because}`,
  );
}

// ---- start-up ----------------------------------------------------------------------------

/** The server's master key cannot open what the database holds sealed: it refuses to start. */
export class MasterKeyMismatchError extends Error {
  override readonly name = 'MasterKeyMismatchError';
}

export function masterKeyMismatch(): MasterKeyMismatchError {
  return new MasterKeyMismatchError(
    'the master key does not open the secrets this database holds: they were sealed with the key the database was first ' +
      'served with. Start every server on this database with that key (OPENPROFILES_MASTER_KEY, or the master.key file of the ' +
      "data dir of the server that created it); refusing to start rather than failing on every IAM user's request.",
  );
}

// ---- unexpected --------------------------------------------------------------------------

export function internalError(): InternalServerException {
  return new InternalServerException('An internal error occurred. Try again later.');
}

/** The database has no room left: still the 500 class (the caller did nothing wrong), with the cause said. */
export function storageFull(): InternalServerException {
  return new InternalServerException("The server's storage is full: nothing was written. Try again once space has been freed.");
}

// ---- integrations ------------------------------------------------------------------------

export function integrationNotFound(domainName: string, uri: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Integration ${uri} does not exist in domain ${domainName}`);
}

export function integrationSourceMissing(): BadRequestException {
  return new BadRequestException('PutIntegration needs either a Uri or a FlowDefinition, and not both.');
}

export function integrationFlowUriTooLong(uri: string): BadRequestException {
  return new BadRequestException(`The Uri made from the FlowDefinition, ${uri}, is longer than 255 characters; use a shorter FlowName.`);
}

export function integrationObjectTypeChoice(): BadRequestException {
  return new BadRequestException('PutIntegration needs exactly one of ObjectTypeName and a non-empty ObjectTypeNames.');
}

export function integrationObjectTypeMissing(domainName: string, name: string): BadRequestException {
  return new BadRequestException(`Object type ${name} does not exist in domain ${domainName} and is not a template; create it before the integration that uses it.`);
}

export function integrationUriInUse(uri: string, domainName: string): BadRequestException {
  return new BadRequestException(`Integration ${uri} already belongs to domain ${domainName}; a Uri can belong to one domain only.`);
}

export function integrationUriUnknown(uri: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`No integration has the Uri ${uri} in this account and region`);
}

// ---- outbound credentials (S3 and SQS belong to the account) --------------------------------

/** No connector profile of the account (and no operator grant of the server's S3 setting) reaches `bucket`. */
export function noS3Credentials(scope: { readonly accountId: string; readonly region: string }, bucket: string, profileName?: string): BadRequestException {
  const which =
    profileName === undefined
      ? `Account ${scope.accountId} has no S3 credentials for bucket ${bucket} in ${scope.region}`
      : `Connector profile ${profileName} of account ${scope.accountId} in ${scope.region} holds no S3 credentials for bucket ${bucket}`;
  return new BadRequestException(
    `${which}. The operator must add them: openprofiles connectors put-profile --type s3 --buckets ${bucket} --name ${profileName ?? '<name>'} --account-id ${scope.accountId} --region ${scope.region} --access-key-id … --secret-access-key … [--instance-url <S3 endpoint>]`,
  );
}

export function deadLetterQueueNotAllowed(): BadRequestException {
  return new BadRequestException(
    'DeadLetterQueueUrl must be an SQS queue URL, https://sqs.<region>.amazonaws.com/<12-digit account>/<queue name> (or .amazonaws.com.cn), or a queue at an SQS endpoint the operator allows (--sqs-endpoints), written exactly as <endpoint>/<12-digit account>/<queue name>.',
  );
}

/** No SQS connector profile of the account signs for the queue's endpoint. */
export function noSqsCredentials(scope: { readonly accountId: string; readonly region: string }, origin: string, aws: boolean): BadRequestException {
  return new BadRequestException(
    `Account ${scope.accountId} has no SQS credentials for ${origin} in ${scope.region}. The operator must add them: openprofiles connectors put-profile --type sqs --name <name> --account-id ${scope.accountId} --region ${scope.region} --access-key-id … --secret-access-key …${aws ? '' : ` --instance-url ${origin}`}`,
  );
}

// ---- identity resolution -------------------------------------------------------------------

export function identityResolutionJobNotFound(domainName: string, jobId: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Identity resolution job ${jobId} does not exist in domain ${domainName}`);
}

// ---- rule-based matching (spec §3.10) -----------------------------------------------------

/** A RuleBasedMatching setting the model allows but the rule semantics do not; `member` is its wire path. */
export function invalidRuleBasedMatching(member: string, problem: string): BadRequestException {
  return new BadRequestException(`RuleBasedMatching.${member} ${problem}`);
}

export function similarProfileNotFound(searchKey: string, searchValue: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`No profile has ${searchKey} ${searchValue}`);
}

export function similarMatchNotFound(matchType: string, searchKey: string, searchValue: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`No ${matchType} match group holds the profile with ${searchKey} ${searchValue}`);
}

export function identityResolutionJobQuotaExceeded(domainName: string, limit: number, nextStart: Date): BadRequestException {
  return new BadRequestException(
    `Quota exceeded: at most ${limit} identity-resolution jobs per domain per week, and domain ${domainName} has started ${limit} in the last 7 days; the next may start at ${nextStart.toISOString()}.`,
  );
}

export function matchingNotEnabled(domainName: string): BadRequestException {
  return new BadRequestException(`Identity resolution (Matching) is not enabled for domain ${domainName}.`);
}

export function sourceNameRequired(where: string): BadRequestException {
  return new BadRequestException(`${where}.SourceName is required when ConflictResolvingModel is SOURCE.`);
}

// ---- integration workflows and the event endpoint (spec §3.11, §3.12) ------------------------

export function workflowNotFound(domainName: string, workflowId: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Workflow ${workflowId} does not exist in domain ${domainName}`);
}

export function workflowInvalid(what: string): BadRequestException {
  return new BadRequestException(`Invalid integration workflow: ${what}`);
}

export function flowTaskInvalid(index: number, why: string): BadRequestException {
  return new BadRequestException(`FlowDefinition.Tasks[${index}] (${why})`);
}

export function eventBatchNotAList(): BadRequestException {
  return new BadRequestException('The body must be a JSON object with a Records list.');
}

export function eventBatchEmpty(): BadRequestException {
  return new BadRequestException('Records must hold at least one record.');
}

export function eventBatchTooLarge(count: number, limit: number): BadRequestException {
  return new BadRequestException(`Records holds ${count} records; a batch holds at most ${limit}.`);
}

export function eventTypeRequired(mapped: readonly string[]): BadRequestException {
  return new BadRequestException(`EventType is required: this integration maps the event types ${mapped.join(', ')}.`);
}

export function eventTypeNotAString(): BadRequestException {
  return new BadRequestException('EventType must be a string.');
}

export function eventTypeNotMapped(eventType: string, mapped: readonly string[]): BadRequestException {
  return new BadRequestException(`EventType ${eventType} is not mapped by this integration; it maps ${mapped.join(', ')}.`);
}

export function eventRecordNotAnObject(): BadRequestException {
  return new BadRequestException('A record must be a JSON object with an Object member.');
}

export function eventRecordWithoutObject(): BadRequestException {
  return new BadRequestException('The record has no Object.');
}

export function duplicateBatchItemId(id: string): BadRequestException {
  return new BadRequestException(`Items contains the Id ${id} more than once: each item's Id must be unique within the request.`);
}

// ---- calculated attributes --------------------------------------------------------------------

export function calculatedAttributeRuleBroken(rule: number, detail: string): BadRequestException {
  return new BadRequestException(`Invalid calculated attribute definition (rule ${rule}): ${detail}.`);
}

export function calculatedAttributeExists(name: string): BadRequestException {
  return new BadRequestException(`Calculated attribute definition with name ${name} already exists`);
}

export function calculatedAttributeNotFound(name: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Calculated attribute definition ${name} not found`);
}

export function calculatedAttributeQuotaExceeded(limit: number): BadRequestException {
  return new BadRequestException(`A domain can hold at most ${limit} calculated attribute definitions; delete one before creating another.`);
}

export function immutableTimestampSource(member: string): BadRequestException {
  return new BadRequestException(`Conditions.Range.${member} cannot be changed after creation; delete and recreate the calculated attribute to change it.`);
}
