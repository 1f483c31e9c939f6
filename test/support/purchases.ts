// The object type of the calculated-attribute suites (spec api-behaviour-2a §3.13's fixture): purchases found
// by `_email`, unique by `purchaseId`, with the fields the scenarios read.
export const PURCHASE_TYPE = {
  Description: 'purchases',
  AllowProfileCreation: true,
  Fields: {
    email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' as const },
    purchaseId: { Source: '_source.purchaseId' },
    amount: { Source: '_source.amount', ContentType: 'NUMBER' as const },
    qty: { Source: '_source.qty', ContentType: 'NUMBER' as const },
    channel: { Source: '_source.channel' },
    status: { Source: '_source.status' },
  },
  Keys: {
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
    purchaseId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['purchaseId'] }],
  },
};
