// The domain services an operation may call.
import type { DomainService } from './domains/domain-service.js';
import type { TagService } from './tags/tag-service.js';

export interface Services {
  readonly domains: DomainService;
  readonly tags: TagService;
}
