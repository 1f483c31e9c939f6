// The domain services an operation may call.
import type { DomainService } from './domains/domain-service.js';
import type { TagService } from './tags/tag-service.js';
import type { ObjectTypeService } from './object-types/object-type-service.js';
import type { IntegrationService } from './integrations/integration-service.js';
import type { IngestionService } from './ingestion/ingestion-service.js';
import type { ProfileObjectService } from './ingestion/profile-object-service.js';
import type { ProfileMerge } from './profiles/profile-merge.js';
import type { ProfileSearch } from './profiles/profile-search.js';
import type { ProfileService } from './profiles/profile-service.js';
import type { IdentityResolutionService } from './identity-resolution/identity-resolution-service.js';
import type { RuleMatchingService } from './rule-matching/rule-matching-service.js';
import type { WorkflowService } from './workflows/workflow-service.js';
import type { ConnectorProfiles } from './workflows/connector-profiles.js';
import type { CalculatedAttributeService } from './calculated-attributes/calculated-attribute-service.js';
import type { CalculatedValueService } from './calculated-attributes/calculated-value-service.js';

export interface Services {
  readonly domains: DomainService;
  readonly tags: TagService;
  readonly profiles: ProfileService;
  readonly profileSearch: ProfileSearch;
  readonly profileMerge: ProfileMerge;
  readonly objectTypes: ObjectTypeService;
  readonly integrations: IntegrationService;
  readonly ingestion: IngestionService;
  readonly profileObjects: ProfileObjectService;
  readonly identityResolution: IdentityResolutionService;
  readonly ruleMatching: RuleMatchingService;
  readonly workflows: WorkflowService;
  readonly connectorProfiles: ConnectorProfiles;
  readonly calculatedAttributes: CalculatedAttributeService;
  readonly calculatedValues: CalculatedValueService;
}
