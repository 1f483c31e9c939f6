// The credential scope `<AccessKeyId>/<yyyymmdd>/<region>/<service>/aws4_request`: parse and check (spec step 2).
import {
  malformedCredential,
  invalidRegion,
  scopeDateMismatch,
  wrongService,
  wrongTerminator,
} from './failures.js';

export interface CredentialScope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly terminator: string;
}

/** Lower-case letters and digits in hyphen-separated words (`us-east-1`); anything else is no region. */
const REGION = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ACCESS_KEY_ID = 128;

export function parseCredential(credential: string): CredentialScope {
  const parts = credential.split('/');
  const [accessKeyId, date, region, service, terminator] = parts;
  if (
    parts.length !== 5 ||
    accessKeyId === undefined ||
    date === undefined ||
    region === undefined ||
    service === undefined ||
    terminator === undefined ||
    accessKeyId.length === 0 ||
    accessKeyId.length > MAX_ACCESS_KEY_ID
  ) {
    throw malformedCredential(credential);
  }
  return { accessKeyId, date, region, service, terminator };
}

/**
 * The scope must match the request: its date is X-Amz-Date's date, its service one this
 * endpoint accepts. Any well-formed region is accepted and handed back to the caller, which
 * scopes all further work to it.
 */
export function checkScope(scope: CredentialScope, amzDate: string, services: readonly string[]): void {
  if (scope.date !== amzDate.slice(0, 8)) throw scopeDateMismatch(scope.date, amzDate);
  if (scope.region.length > 64 || !REGION.test(scope.region)) throw invalidRegion();
  // The message names the endpoint's first (primary) signing name, as AWS names its own.
  if (!services.includes(scope.service)) throw wrongService(services[0] ?? '');
  if (scope.terminator !== 'aws4_request') throw wrongTerminator(scope.terminator);
}
