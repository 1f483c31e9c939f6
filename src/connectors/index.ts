// Connector factories by source type; a workflow whose type is missing here fails its step with a clear message.
// S3 is not among them: its connector takes the account's S3 access for the bucket (s3.ts), not a profile as is.
import type { SourceConnectorType } from '../generated/shapes.js';
import type { ConnectorFactory } from './connector.js';
import { marketoConnector } from './marketo.js';
import { salesforceConnector } from './salesforce.js';
import { serviceNowConnector } from './servicenow.js';
import { zendeskConnector } from './zendesk.js';

/** Sources whose connector reads its connector profile as it is stored. */
export const connectorFactories: Partial<Record<SourceConnectorType, ConnectorFactory>> = {
  Salesforce: salesforceConnector,
  Zendesk: zendeskConnector,
  Servicenow: serviceNowConnector,
  Marketo: marketoConnector,
};

/** Whether this server can read a source of `type`. */
export function connectorAvailable(type: SourceConnectorType): boolean {
  return type === 'S3' || connectorFactories[type] !== undefined;
}
