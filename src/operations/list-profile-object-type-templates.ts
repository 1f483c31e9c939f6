// ListProfileObjectTypeTemplates: the built-in template library, by TemplateId, paged.
import type { OperationHandler } from './types.js';
import { DEFAULT_PAGE_SIZE, decodeNextToken, encodeNextToken } from '../domain/pagination.js';
import { TEMPLATES } from '../domain/templates/index.js';

export const listProfileObjectTypeTemplates: OperationHandler<'ListProfileObjectTypeTemplates'> = async (ctx, input) => {
  const after = decodeNextToken('templates', ctx.scope, input.NextToken);
  const limit = input.MaxResults ?? DEFAULT_PAGE_SIZE;
  const remaining = [...TEMPLATES.values()].filter((template) => after === undefined || template.templateId > after);
  const page = remaining.slice(0, limit);
  const more = remaining.length > limit;
  return {
    Items: page.map((template) => ({ TemplateId: template.templateId, SourceName: template.sourceName, SourceObject: template.sourceObject })),
    NextToken: more ? encodeNextToken('templates', ctx.scope, page.at(-1)?.templateId) : undefined,
  };
};
