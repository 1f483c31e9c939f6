// GetDomain: the stored configuration plus Stats (spec §2 GetDomain).
import type { OperationHandler } from './types.js';
import { domainOutput } from './mappers/domain-output.js';

export const getDomain: OperationHandler<'GetDomain'> = async (ctx, input) => {
  const domain = await ctx.services.domains.get(ctx.scope, input.DomainName);
  const profiles = await ctx.services.profiles.count(ctx.scope, input.DomainName);
  // MeteringProfileCount counts a profile once per started 100 objects, at least once (spec §3.1);
  // until profile objects exist that is one per profile, and ObjectCount/TotalSize are 0.
  const stats = { ProfileCount: profiles, MeteringProfileCount: profiles, ObjectCount: 0, TotalSize: 0 };
  return { ...domainOutput(domain), Stats: stats };
};
