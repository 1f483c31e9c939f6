// BatchPutProfileObject: up to ten objects of one type through the set-based ingestion path; each item is
// answered on its own in Successful (its ProfileObjectUniqueKey) or Failed (HTTP-like Code and Message).
import { duplicateBatchItemId } from '../domain/errors.js';
import type { BatchPutProfileObjectErrorItem, BatchPutProfileObjectResponseItem } from '../generated/shapes.js';
import type { OperationHandler } from './types.js';

export const batchPutProfileObject: OperationHandler<'BatchPutProfileObject'> = async (ctx, input) => {
  const seen = new Set<string>();
  for (const item of input.Items) {
    if (seen.has(item.Id)) throw duplicateBatchItemId(item.Id);
    seen.add(item.Id);
  }
  const outcomes = await ctx.services.ingestion.putObjectBatch(ctx.scope, input.DomainName, input.ObjectTypeName, input.Items.map((item) => item.Object));
  const successful: BatchPutProfileObjectResponseItem[] = [];
  const failed: BatchPutProfileObjectErrorItem[] = [];
  outcomes.forEach((outcome, i) => {
    const Id = input.Items[i]!.Id;
    if (outcome.ok) successful.push({ Id, ProfileObjectUniqueKey: outcome.key });
    else failed.push({ Id, Code: outcome.error.statusCode, Message: outcome.error.message });
  });
  return { Successful: successful, Failed: failed };
};
