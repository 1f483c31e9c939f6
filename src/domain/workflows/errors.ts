// The errors of integration workflows, worded for whoever has to fix the request.
import { BadRequestException, ResourceNotFoundException } from '../../generated/errors.js';

export function workflowNotFound(domainName: string, workflowId: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Workflow ${workflowId} does not exist in domain ${domainName}`);
}

export function workflowInvalid(what: string): BadRequestException {
  return new BadRequestException(`Invalid integration workflow: ${what}`);
}
