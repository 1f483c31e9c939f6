// GetDomain: the stored configuration plus Stats (spec §2 GetDomain).
import type { OperationHandler } from './types.js';
import { domainOutput } from './mappers/domain-output.js';

export const getDomain: OperationHandler<'GetDomain'> = async (ctx, input) => {
  const domain = await ctx.services.domains.get(ctx.scope, input.DomainName);
  const profiles = await ctx.services.profiles.count(ctx.scope, input.DomainName);
  // MeteringProfileCount counts a profile once per started 100 objects, at least once (spec §3.1).
  const objects = await ctx.services.profileObjects.stats(ctx.scope, input.DomainName, profiles);
  const stats = { ProfileCount: profiles, MeteringProfileCount: objects.meteringProfileCount, ObjectCount: objects.objectCount, TotalSize: objects.totalSize };
  return { ...domainOutput(domain), Stats: stats };
};
