// Predefined key names: the built-in profile indexes and the integration keys (model documentation of
// SearchProfilesRequest.KeyName, plus the template and standard-object indexes of the admin guide).
import { ACCOUNT_KEY, EMAIL_KEY, FULL_NAME_KEY, PHONE_KEY, PROFILE_ID_KEY } from '../keys/built-in-keys.js';

const BUILT_IN_PROFILE_KEYS = [PROFILE_ID_KEY, PHONE_KEY, EMAIL_KEY, ACCOUNT_KEY, FULL_NAME_KEY];

export const PREDEFINED_KEYS: ReadonlySet<string> = new Set([
  ...BUILT_IN_PROFILE_KEYS,
  '_assetId', '_assetName', '_serialNumber', '_caseId', '_orderId', '_ctrContactId', '_marketoLeadId',
  '_salesforceAccountId', '_salesforceContactId', '_salesforceAssetId', '_zendeskUserId', '_zendeskExternalId',
  '_zendeskTicketId', '_serviceNowSystemId', '_serviceNowIncidentId', '_serviceNowTaskId', '_segmentUserId',
  '_shopifyCustomerId', '_shopifyOrderId',
]);

/** Reserved keys that may only be used to look up (rule 6). */
export const LOOKUP_ONLY_KEYS: ReadonlySet<string> = new Set([PROFILE_ID_KEY, '_orderId', '_caseId', '_assetId']);
