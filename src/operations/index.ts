// The registry of implemented operations. An operation of the model that is not here answers
// NotImplementedException (400); docs/coverage.md is generated from this table.
import type { Registry } from './types.js';
import { addProfileKey } from './add-profile-key.js';
import { batchGetProfile } from './batch-get-profile.js';
import { createProfile } from './create-profile.js';
import { deleteProfile } from './delete-profile.js';
import { deleteProfileKey } from './delete-profile-key.js';
import { mergeProfiles } from './merge-profiles.js';
import { searchProfiles } from './search-profiles.js';
import { updateProfile } from './update-profile.js';
import { createDomain } from './create-domain.js';
import { deleteDomain } from './delete-domain.js';
import { getDomain } from './get-domain.js';
import { listDomains } from './list-domains.js';
import { listTagsForResource } from './list-tags-for-resource.js';
import { tagResource } from './tag-resource.js';
import { untagResource } from './untag-resource.js';
import { updateDomain } from './update-domain.js';
import { deleteProfileObjectType } from './delete-profile-object-type.js';
import { getProfileObjectType } from './get-profile-object-type.js';
import { getProfileObjectTypeTemplate } from './get-profile-object-type-template.js';
import { listProfileObjectTypeTemplates } from './list-profile-object-type-templates.js';
import { listProfileObjectTypes } from './list-profile-object-types.js';
import { putProfileObjectType } from './put-profile-object-type.js';
import { deleteProfileObject } from './delete-profile-object.js';
import { listProfileObjects } from './list-profile-objects.js';
import { putProfileObject } from './put-profile-object.js';
import { batchPutProfileObject } from './batch-put-profile-object.js';
import { batchGetCalculatedAttributeForProfile } from './calculated-attributes/batch-get-calculated-attribute-for-profile.js';
import { getCalculatedAttributeForProfile } from './calculated-attributes/get-calculated-attribute-for-profile.js';
import { listCalculatedAttributesForProfile } from './calculated-attributes/list-calculated-attributes-for-profile.js';
import { createCalculatedAttributeDefinition } from './calculated-attributes/create-calculated-attribute-definition.js';
import { deleteCalculatedAttributeDefinition } from './calculated-attributes/delete-calculated-attribute-definition.js';
import { getCalculatedAttributeDefinition } from './calculated-attributes/get-calculated-attribute-definition.js';
import { listCalculatedAttributeDefinitions } from './calculated-attributes/list-calculated-attribute-definitions.js';
import { updateCalculatedAttributeDefinition } from './calculated-attributes/update-calculated-attribute-definition.js';
import { deleteIntegration } from './delete-integration.js';
import { getIntegration } from './get-integration.js';
import { listAccountIntegrations } from './list-account-integrations.js';
import { listIntegrations } from './list-integrations.js';
import { putIntegration } from './put-integration.js';
import { getAutoMergingPreview } from './get-auto-merging-preview.js';
import { getIdentityResolutionJob } from './get-identity-resolution-job.js';
import { getMatches } from './get-matches.js';
import { listIdentityResolutionJobs } from './list-identity-resolution-jobs.js';
import { getSimilarProfiles } from './get-similar-profiles.js';
import { listRuleBasedMatches } from './list-rule-based-matches.js';
import { createIntegrationWorkflow } from './create-integration-workflow.js';
import { deleteWorkflow } from './delete-workflow.js';
import { getWorkflow } from './get-workflow.js';
import { getWorkflowSteps } from './get-workflow-steps.js';
import { listWorkflows } from './list-workflows.js';

export const registry: Registry = {
  AddProfileKey: addProfileKey,
  BatchGetCalculatedAttributeForProfile: batchGetCalculatedAttributeForProfile,
  BatchGetProfile: batchGetProfile,
  BatchPutProfileObject: batchPutProfileObject,
  CreateCalculatedAttributeDefinition: createCalculatedAttributeDefinition,
  CreateDomain: createDomain,
  CreateIntegrationWorkflow: createIntegrationWorkflow,
  CreateProfile: createProfile,
  DeleteCalculatedAttributeDefinition: deleteCalculatedAttributeDefinition,
  DeleteDomain: deleteDomain,
  DeleteIntegration: deleteIntegration,
  DeleteProfile: deleteProfile,
  DeleteProfileKey: deleteProfileKey,
  DeleteProfileObject: deleteProfileObject,
  DeleteProfileObjectType: deleteProfileObjectType,
  DeleteWorkflow: deleteWorkflow,
  GetAutoMergingPreview: getAutoMergingPreview,
  GetCalculatedAttributeDefinition: getCalculatedAttributeDefinition,
  GetCalculatedAttributeForProfile: getCalculatedAttributeForProfile,
  GetDomain: getDomain,
  GetIdentityResolutionJob: getIdentityResolutionJob,
  GetIntegration: getIntegration,
  GetMatches: getMatches,
  GetProfileObjectType: getProfileObjectType,
  GetProfileObjectTypeTemplate: getProfileObjectTypeTemplate,
  GetSimilarProfiles: getSimilarProfiles,
  GetWorkflow: getWorkflow,
  GetWorkflowSteps: getWorkflowSteps,
  ListAccountIntegrations: listAccountIntegrations,
  ListCalculatedAttributeDefinitions: listCalculatedAttributeDefinitions,
  ListCalculatedAttributesForProfile: listCalculatedAttributesForProfile,
  ListDomains: listDomains,
  ListIdentityResolutionJobs: listIdentityResolutionJobs,
  ListIntegrations: listIntegrations,
  ListProfileObjectTypeTemplates: listProfileObjectTypeTemplates,
  ListProfileObjectTypes: listProfileObjectTypes,
  ListProfileObjects: listProfileObjects,
  ListRuleBasedMatches: listRuleBasedMatches,
  ListTagsForResource: listTagsForResource,
  ListWorkflows: listWorkflows,
  MergeProfiles: mergeProfiles,
  PutIntegration: putIntegration,
  PutProfileObject: putProfileObject,
  PutProfileObjectType: putProfileObjectType,
  SearchProfiles: searchProfiles,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateCalculatedAttributeDefinition: updateCalculatedAttributeDefinition,
  UpdateDomain: updateDomain,
  UpdateProfile: updateProfile,
};
