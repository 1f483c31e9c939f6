// Predefined key names: the built-in profile indexes and the integration keys (model documentation of
// SearchProfilesRequest.KeyName, plus the template and standard-object indexes of the admin guide).
export const BUILT_IN_PROFILE_KEYS = ['_profileId', '_phone', '_email', '_account', '_fullName'] as const;

export const PREDEFINED_KEYS: ReadonlySet<string> = new Set([
  ...BUILT_IN_PROFILE_KEYS,
  '_assetId', '_assetName', '_serialNumber', '_caseId', '_orderId', '_ctrContactId', '_marketoLeadId',
  '_salesforceAccountId', '_salesforceContactId', '_salesforceAssetId', '_zendeskUserId', '_zendeskExternalId',
  '_zendeskTicketId', '_serviceNowSystemId', '_serviceNowIncidentId', '_serviceNowTaskId', '_segmentUserId',
  '_shopifyCustomerId', '_shopifyOrderId',
]);

/** Reserved keys that may only be used to look up (rule 6). */
export const LOOKUP_ONLY_KEYS: ReadonlySet<string> = new Set(['_profileId', '_orderId', '_caseId', '_assetId']);
