// ListWorkflows: the domain's workflows, newest first, filtered by type, status and creation date (spec ListWorkflows).
import type { OperationHandler } from './types.js';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination.js';
import { workflowListItem } from './mappers/workflow-output.js';

export const listWorkflows: OperationHandler<'ListWorkflows'> = async (ctx, input) => {
  const filter = { workflowType: input.WorkflowType, status: input.Status, createdFrom: input.QueryStartDate, createdTo: input.QueryEndDate };
  const page = await ctx.services.workflows.list(ctx.scope, input.DomainName, filter, input.MaxResults ?? DEFAULT_PAGE_SIZE, input.NextToken);
  return { Items: page.items.map(workflowListItem), NextToken: page.nextToken };
};
