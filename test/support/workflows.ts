// Helpers for integration-workflow tests: connector profiles through the CLI (on the server's data), a
// Customer object type keyed by e-mail, and waiting for steps through GetWorkflowSteps.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  GetWorkflowCommand,
  GetWorkflowStepsCommand,
  type AppflowIntegrationWorkflowStep,
  type CustomerProfilesClient,
  type GetWorkflowCommandOutput,
} from '@aws-sdk/client-customer-profiles';
import { CLI_ENTRY, type RunningServer } from './server.js';

const run = promisify(execFile);

export const ROLE_ARN = 'arn:aws:iam::000000000000:role/profiles-workflow';
export const KMS_ARN = 'arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** `openprofiles connectors <args>` against the server's data dir and database. */
export async function connectorsCli(server: Pick<RunningServer, 'dataDir' | 'databaseUrl'>, args: readonly string[]): Promise<string> {
  const store = ['--data-dir', server.dataDir, ...(server.databaseUrl ? ['--database', server.databaseUrl] : [])];
  const { stdout } = await run(process.execPath, [CLI_ENTRY, 'connectors', ...args, ...store], { env: { ...process.env, OPENPROFILES_LOG_LEVEL: 'warn' } });
  return stdout;
}

/** A Customer type: UNIQUE by `id`, PROFILE key by e-mail, first name onto the profile. */
export const CUSTOMER_TYPE = {
  Description: 'customers from a workflow',
  AllowProfileCreation: true,
  Fields: {
    id: { Source: '_source.id', Target: '_profile.AccountNumber', ContentType: 'STRING' as const },
    email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' as const },
    first: { Source: '_source.first', Target: '_profile.FirstName', ContentType: 'STRING' as const },
  },
  Keys: {
    customerId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['id'] }],
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
  },
};

export async function steps(client: CustomerProfilesClient, domain: string, workflowId: string): Promise<AppflowIntegrationWorkflowStep[]> {
  const items: AppflowIntegrationWorkflowStep[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new GetWorkflowStepsCommand({ DomainName: domain, WorkflowId: workflowId, NextToken: token, MaxResults: 2 }));
    items.push(...(page.Items ?? []).map((item) => item.AppflowIntegration!));
    token = page.NextToken;
  } while (token);
  return items;
}

/** Polls GetWorkflowSteps until `done` holds (or the time is up), then returns the steps. */
export async function waitForSteps(
  client: CustomerProfilesClient,
  domain: string,
  workflowId: string,
  done: (items: AppflowIntegrationWorkflowStep[]) => boolean,
  timeoutMs = 30_000,
): Promise<AppflowIntegrationWorkflowStep[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const items = await steps(client, domain, workflowId);
    if (done(items)) return items;
    if (Date.now() > deadline) throw new Error(`workflow steps not done in ${timeoutMs} ms: ${JSON.stringify(items)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function waitForWorkflow(client: CustomerProfilesClient, domain: string, workflowId: string, status: string, timeoutMs = 30_000): Promise<GetWorkflowCommandOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const workflow = await client.send(new GetWorkflowCommand({ DomainName: domain, WorkflowId: workflowId }));
    if (workflow.Status === status) return workflow;
    if (Date.now() > deadline) throw new Error(`workflow is ${workflow.Status}, not ${status}, after ${timeoutMs} ms: ${workflow.ErrorDescription ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export const allFinished = (items: AppflowIntegrationWorkflowStep[]) => items.length > 0 && items.every((item) => item.Status === 'COMPLETE' || item.Status === 'FAILED');
