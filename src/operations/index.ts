// The registry of implemented operations. An operation of the model that is not here answers
// NotImplementedException (501); docs/coverage.md is generated from this table.
import type { Registry } from './types.js';
import { createDomain } from './create-domain.js';
import { deleteDomain } from './delete-domain.js';
import { getDomain } from './get-domain.js';
import { listDomains } from './list-domains.js';
import { listTagsForResource } from './list-tags-for-resource.js';
import { tagResource } from './tag-resource.js';
import { untagResource } from './untag-resource.js';
import { updateDomain } from './update-domain.js';

export const registry: Registry = {
  CreateDomain: createDomain,
  DeleteDomain: deleteDomain,
  GetDomain: getDomain,
  ListDomains: listDomains,
  ListTagsForResource: listTagsForResource,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateDomain: updateDomain,
};
