// GetDomain: the stored configuration plus Stats (spec §2 GetDomain).
import type { OperationHandler } from './types.js';
import { domainOutput } from './mappers/domain-output.js';

export const getDomain: OperationHandler<'GetDomain'> = async (ctx, input) => {
  const domain = await ctx.services.domains.get(ctx.scope, input.DomainName);
  // Counters kept by the writes (storage/kysely/domain-stats.ts): reading them costs the same at any size.
  const stats = await ctx.services.domains.stats(ctx.scope, input.DomainName);
  return {
    ...domainOutput(domain),
    Stats: { ProfileCount: stats.profileCount, MeteringProfileCount: stats.meteringProfileCount, ObjectCount: stats.objectCount, TotalSize: stats.totalSize },
  };
};
