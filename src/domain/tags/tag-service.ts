// Tags on resource ARNs (spec §3.14): TagResource merges, UntagResource removes, ListTagsForResource reads.
import type { Scope, Store, Tags } from '../../storage/ports.js';
import { parseResourceArn, type ResourceArn } from '../arn.js';
import { invalidResourceArn, taggedResourceNotFound, tooManyTags } from '../errors.js';
import { MAX_TAGS_PER_RESOURCE } from '../domains/domain-service.js';

export class TagService {
  constructor(private readonly store: Store) {}

  /** Parses the ARN and checks the resource exists in the caller's scope. */
  private async resolve(scope: Scope, arn: string): Promise<ResourceArn> {
    const parsed = parseResourceArn(arn);
    if (!parsed) throw invalidResourceArn(arn);
    const inScope = parsed.accountId === scope.accountId && parsed.region === scope.region;
    if (!inScope || !(await this.exists(scope, parsed))) throw taggedResourceNotFound(arn);
    return parsed;
  }

  private async exists(scope: Scope, arn: ResourceArn): Promise<boolean> {
    switch (arn.kind) {
      case 'domain':
        return (await this.store.domains.get(scope, arn.domainName)) !== undefined;
      case 'object-type':
        return (await this.store.objectTypes.get(scope, arn.domainName, arn.objectTypeName)) !== undefined;
      case 'integration':
        return (await this.store.integrations.get(scope, arn.domainName, arn.uri)) !== undefined;
      case 'calculated-attribute':
        return (await this.store.calculatedAttributes.get(scope, arn.domainName, arn.name)) !== undefined;
    }
  }

  async list(scope: Scope, arn: string): Promise<Tags> {
    await this.resolve(scope, arn);
    return this.store.tags.get(scope, arn);
  }

  async tag(scope: Scope, arn: string, tags: Tags): Promise<void> {
    await this.resolve(scope, arn);
    await this.store.transaction(async (repos) => {
      const merged = { ...(await repos.tags.get(scope, arn)), ...tags };
      if (Object.keys(merged).length > MAX_TAGS_PER_RESOURCE) throw tooManyTags(MAX_TAGS_PER_RESOURCE);
      await repos.tags.put(scope, arn, tags);
    });
  }

  async untag(scope: Scope, arn: string, keys: readonly string[]): Promise<void> {
    await this.resolve(scope, arn);
    await this.store.tags.remove(scope, arn, keys);
  }
}
