// Every job kind the runner knows, with its handler.
import type { Store } from '../../storage/ports.js';
import type { Clock } from '../../domain/clock.js';
import type { JobHandler } from '../runner.js';
import { EXPIRE_DOMAIN, expireDomainHandler } from './expire-domain.js';
import { SEND_DEAD_LETTER, sendDeadLetterHandler } from './send-dead-letter.js';
import { IDENTITY_RESOLUTION, identityResolutionHandler } from './identity-resolution.js';
import { INTEGRATION_WORKFLOW_JOB, integrationWorkflowHandler, type WorkflowRuntimeDeps, type WorkflowRuntimeOptions } from './integration-workflow.js';

export function jobHandlers(store: Store, clock: Clock, workflows: Omit<WorkflowRuntimeDeps, 'store' | 'clock'>, workflowOptions: WorkflowRuntimeOptions = {}): Record<string, JobHandler> {
  return {
    [EXPIRE_DOMAIN]: expireDomainHandler(store, clock),
    [SEND_DEAD_LETTER]: sendDeadLetterHandler(store),
    [IDENTITY_RESOLUTION]: identityResolutionHandler(store, clock),
    [INTEGRATION_WORKFLOW_JOB]: integrationWorkflowHandler({ store, clock, ...workflows }, workflowOptions),
  };
}
