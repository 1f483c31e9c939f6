// What an integration is (spec §3.11): a source Uri bound to a domain and the object type(s) its data becomes.
import type { JsonValue, Tags } from '../../storage/ports.js';

/** ObjectTypeName given as this marks the integration unstructured (spec §3.11, IsUnstructured). */
export const UNSTRUCTURED_OBJECT_TYPE = '_unstructured';

export type IntegrationScope = 'PROFILE' | 'DOMAIN';

/** Everything stored about an integration beside its keys; FlowDefinition kept in its wire JSON form. */
export interface IntegrationDefinition {
  readonly objectTypeName?: string;
  readonly objectTypeNames?: Readonly<Record<string, string>>;
  readonly flowDefinition?: JsonValue;
  readonly roleArn?: string;
  readonly eventTriggerNames?: readonly string[];
  readonly scope?: IntegrationScope;
  /** Set when a workflow created the integration; such integrations are hidden (docs/decisions.md). */
  readonly workflowId?: string;
  readonly isUnstructured?: boolean;
}

export interface IntegrationView extends IntegrationDefinition {
  readonly domainName: string;
  readonly uri: string;
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
  readonly tags: Tags;
}

/** The stored definition as a JSON object, absent members left out. */
export function definitionToJson(definition: IntegrationDefinition): JsonValue {
  return JSON.parse(JSON.stringify(definition)) as JsonValue;
}

export function definitionFromJson(value: JsonValue): IntegrationDefinition {
  return value as unknown as IntegrationDefinition;
}
