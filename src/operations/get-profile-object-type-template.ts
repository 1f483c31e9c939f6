// GetProfileObjectTypeTemplate: one built-in template with its mapping.
import type { OperationHandler } from './types.js';
import { TEMPLATES } from '../domain/templates/index.js';
import { templateNotFound } from '../domain/errors.js';
import { templateOutput } from './mappers/object-type-output.js';

export const getProfileObjectTypeTemplate: OperationHandler<'GetProfileObjectTypeTemplate'> = async (_ctx, input) => {
  const template = TEMPLATES.get(input.TemplateId);
  if (!template) throw templateNotFound(input.TemplateId);
  return templateOutput(template);
};
