// PutProfileObjectType: create or replace an object type (spec §2 PutProfileObjectType, §3.3).
import type { OperationHandler } from './types.js';
import { fieldsFromWire, keysFromWire, objectTypeOutput } from './mappers/object-type-output.js';

export const putProfileObjectType: OperationHandler<'PutProfileObjectType'> = async (ctx, input) => {
  const type = await ctx.services.objectTypes.put(ctx.scope, input.DomainName, {
    name: input.ObjectTypeName,
    description: input.Description,
    templateId: input.TemplateId,
    expirationDays: input.ExpirationDays,
    encryptionKey: input.EncryptionKey,
    allowProfileCreation: input.AllowProfileCreation,
    sourceLastUpdatedTimestampFormat: input.SourceLastUpdatedTimestampFormat,
    maxProfileObjectCount: input.MaxProfileObjectCount,
    sourcePriority: input.SourcePriority,
    fields: fieldsFromWire(input.Fields),
    keys: keysFromWire(input.Keys),
    tags: input.Tags,
  });
  return objectTypeOutput(type);
};
