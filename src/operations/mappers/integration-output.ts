// Wire form of an integration, shared by PutIntegration, GetIntegration and the two list operations.
import type { IntegrationView } from '../../domain/integrations/integration.js';
import { tagsOutput } from './tags-output.js';

export function integrationOutput(integration: IntegrationView) {
  return {
    DomainName: integration.domainName,
    Uri: integration.uri,
    ObjectTypeName: integration.objectTypeName,
    ObjectTypeNames: integration.objectTypeNames && { ...integration.objectTypeNames },
    CreatedAt: integration.createdAt,
    LastUpdatedAt: integration.lastUpdatedAt,
    Tags: tagsOutput(integration.tags),
    WorkflowId: integration.workflowId,
    IsUnstructured: integration.isUnstructured,
    RoleArn: integration.roleArn,
    EventTriggerNames: integration.eventTriggerNames && [...integration.eventTriggerNames],
    Scope: integration.scope,
  };
}
