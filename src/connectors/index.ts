// Connector factories by source type; a workflow whose type is missing here fails its step with a clear message.
import type { SourceConnectorType } from '../generated/shapes.js';
import type { ConnectorFactory } from './connector.js';
import { s3Connector } from './s3.js';
import { salesforceConnector } from './salesforce.js';

export const connectorFactories: Partial<Record<SourceConnectorType, ConnectorFactory>> = {
  S3: s3Connector,
  Salesforce: salesforceConnector,
};
