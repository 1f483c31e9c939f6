// What a workflow stores about its flow (the AppflowIntegration as sent, with the RoleArn), and how it
// reads it back in memory form (timestamps as Dates).
import type { AppflowIntegration, FlowDefinition, SourceConnectorType } from '../../generated/shapes.js';
import type { JsonValue } from '../../storage/ports.js';
import { fromJson, toJson } from '../../shapes/json.js';

export interface WorkflowConfig {
  readonly appflow: AppflowIntegration;
  readonly roleArn: string;
}

export function configToJson(config: WorkflowConfig): JsonValue {
  return { AppflowIntegration: toJson(config.appflow, 'AppflowIntegration') as JsonValue, RoleArn: config.roleArn };
}

export function configFromJson(json: JsonValue): WorkflowConfig {
  const object = json as { AppflowIntegration: unknown; RoleArn: string };
  return { appflow: fromJson(object.AppflowIntegration, 'AppflowIntegration') as AppflowIntegration, roleArn: object.RoleArn };
}

/** The SourceConnectorProperties member of a connector type (note `Servicenow` vs `ServiceNow`). */
export const PROPERTIES_KEY: Readonly<Record<SourceConnectorType, 'Salesforce' | 'Marketo' | 'Zendesk' | 'ServiceNow' | 'S3'>> = {
  Salesforce: 'Salesforce',
  Marketo: 'Marketo',
  Zendesk: 'Zendesk',
  Servicenow: 'ServiceNow',
  S3: 'S3',
};

/** The source object a flow reads: the Object property, or the S3 bucket. */
export function sourceObject(flow: FlowDefinition): { object: string; properties: Record<string, unknown> } | undefined {
  const source = flow.SourceFlowConfig;
  const properties = source.SourceConnectorProperties[PROPERTIES_KEY[source.ConnectorType]] as Record<string, unknown> | undefined;
  if (!properties) return undefined;
  const object = source.ConnectorType === 'S3' ? properties['BucketName'] : properties['Object'];
  return typeof object === 'string' && object !== '' ? { object, properties } : undefined;
}
