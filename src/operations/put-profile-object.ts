// PutProfileObject (spec §3.4): ingests one JSON object and answers its ProfileObjectUniqueKey.
import type { OperationHandler } from './types.js';

export const putProfileObject: OperationHandler<'PutProfileObject'> = async (ctx, input) => {
  const key = await ctx.services.ingestion.putObject(ctx.scope, input.DomainName, input.ObjectTypeName, input.Object);
  return { ProfileObjectUniqueKey: key };
};
