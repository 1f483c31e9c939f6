// GetDomain: the stored configuration plus Stats (spec §2 GetDomain).
import type { OperationHandler } from './types.js';
import { domainOutput } from './mappers/domain-output.js';

export const getDomain: OperationHandler<'GetDomain'> = async (ctx, input) => {
  const domain = await ctx.services.domains.get(ctx.scope, input.DomainName);
  // Profiles and objects arrive with their features; until then a domain holds none.
  const stats = { ProfileCount: 0, MeteringProfileCount: 0, ObjectCount: 0, TotalSize: 0 };
  return { ...domainOutput(domain), Stats: stats };
};
