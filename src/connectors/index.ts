// Connector factories by source type; a workflow whose type is missing here fails its step with a clear message.
import type { SourceConnectorType } from '../generated/shapes.js';
import type { ConnectorFactory } from './connector.js';
import { marketoConnector } from './marketo.js';
import { serviceNowConnector } from './servicenow.js';
import { zendeskConnector } from './zendesk.js';

export const connectorFactories: Partial<Record<SourceConnectorType, ConnectorFactory>> = {
  Zendesk: zendeskConnector,
  Servicenow: serviceNowConnector,
  Marketo: marketoConnector,
};
