// The request context of spec iam-evaluation.md §2.3 and §7: global keys from the caller and the
// edge, request tags, and per resource its stored tags.
import type { Tags } from '../storage/ports.js';
import { createRequestContext, type ContextEntries, type ContextValue, type RequestContext } from './iam/request-context.js';
import type { PrincipalFacts } from './principal-facts.js';
import type { Principal } from './principal.js';
import type { RequestOrigin } from './request-origin.js';

/** The keys every resource of one request shares. */
export function requestContext(
  principal: Principal,
  facts: PrincipalFacts,
  origin: RequestOrigin,
  requestTags: Tags | undefined,
  tagKeys: readonly string[] | undefined,
): RequestContext {
  const entries: Record<string, ContextValue> = {
    'aws:CurrentTime': origin.time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(origin.time.getTime() / 1000)),
    'aws:SecureTransport': String(origin.secureTransport),
    'aws:RequestedRegion': origin.region,
    'aws:PrincipalAccount': principal.accountId,
    'aws:PrincipalArn': facts.principalArn,
    'aws:PrincipalType': facts.type,
    'aws:userid': facts.userId,
    'aws:ViaAWSService': 'false',
    'aws:PrincipalIsAWSService': 'false',
  };
  if (origin.sourceIp !== undefined) entries['aws:SourceIp'] = origin.sourceIp;
  if (origin.userAgent !== undefined) entries['aws:UserAgent'] = origin.userAgent;
  if (facts.username !== undefined) entries['aws:username'] = facts.username;
  if (principal.issuedAt !== undefined) entries['aws:TokenIssueTime'] = principal.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  addTags(entries, 'aws:PrincipalTag/', facts.tags);
  // §7 [decide]: an empty Tags map is treated as absent.
  if (requestTags && Object.keys(requestTags).length > 0) addTags(entries, 'aws:RequestTag/', requestTags);
  const keys = tagKeys ?? (requestTags ? Object.keys(requestTags) : []);
  if (keys.length > 0) entries['aws:TagKeys'] = keys;
  return createRequestContext(entries);
}

/** One resource's context: its tags as aws:ResourceTag/* over the request's shared keys. */
export function resourceContext(shared: RequestContext, resourceTags: Tags | undefined): RequestContext {
  if (!resourceTags || Object.keys(resourceTags).length === 0) return shared;
  const entries: Record<string, ContextValue> = {};
  addTags(entries, 'aws:ResourceTag/', resourceTags);
  return createRequestContext(entries as ContextEntries, shared);
}

function addTags(entries: Record<string, ContextValue>, prefix: string, tags: Tags): void {
  for (const [key, value] of Object.entries(tags)) entries[prefix + key] = value;
}
