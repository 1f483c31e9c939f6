// POST /_openprofiles/integrations/{Uri}/events: a batch of records for the integration whose Uri this is
// (percent-encoded in the path), each routed to one of its object types and ingested like PutProfileObject.
// Authorized as profile:PutProfileObject on the domain and on every object type the batch goes to.
// Answers {"Records": [{ObjectTypeName, ProfileObjectUniqueKey} | {ObjectTypeName?, ErrorCode, Message}],
// "SuccessCount", "FailureCount"}, one entry per record in batch order.
import { domainArn, objectTypeArn } from '../../domain/arn.js';
import { integrationUriUnknown } from '../../domain/errors.js';
import { batchRecords, ingestBatch, integrationTypes, routedTypes } from '../../domain/integrations/event-batch.js';
import { definitionFromJson } from '../../domain/integrations/integration.js';
import type { IntegrationRecord, Scope, Store } from '../../storage/ports.js';
import type { ExtensionRoute } from './extension-route.js';

async function integrationOf(store: Store, scope: Scope, uri: string): Promise<IntegrationRecord | undefined> {
  return (await store.integrations.listByUri(scope, uri, { includeHidden: true }, { limit: 1 })).items[0];
}

export const putIntegrationEventsRoute: ExtensionRoute = {
  method: 'POST',
  path: '/_openprofiles/integrations/{Uri}/events',
  action: 'profile:PutProfileObject',
  resources: async ({ scope, container }, { labels, body }) => {
    const integration = await integrationOf(container.store, scope, labels['Uri']!);
    // An unknown Uri names no domain: the caller must be allowed PutProfileObject on every object type
    // of the account before learning that it does not exist.
    if (!integration) return [objectTypeArn(scope, '*', '*')];
    const definition = definitionFromJson(integration.definition);
    // A malformed batch is refused by handle(), after the caller is known to be allowed all the integration's types.
    let types: string[];
    try {
      types = routedTypes(integration.domainName, definition, batchRecords(body));
    } catch {
      types = integrationTypes(definition);
    }
    return [domainArn(scope, integration.domainName), ...types.map((type) => objectTypeArn(scope, integration.domainName, type))];
  },
  handle: async ({ scope, container, services }, { labels, body }) => {
    const uri = labels['Uri']!;
    const integration = await integrationOf(container.store, scope, uri);
    if (!integration) throw integrationUriUnknown(uri);
    const outcomes = await ingestBatch(services.ingestion, scope, integration.domainName, definitionFromJson(integration.definition), batchRecords(body));
    const records = outcomes.map((outcome) =>
      'profileObjectUniqueKey' in outcome
        ? { ObjectTypeName: outcome.objectTypeName, ProfileObjectUniqueKey: outcome.profileObjectUniqueKey }
        : { ObjectTypeName: outcome.objectTypeName, ErrorCode: outcome.errorCode, Message: outcome.message },
    );
    const successCount = records.filter((record) => 'ProfileObjectUniqueKey' in record).length;
    return { body: { Records: records, SuccessCount: successCount, FailureCount: records.length - successCount } };
  },
};
