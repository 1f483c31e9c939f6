// IAM and STS clients for a running test server, and a helper that makes a user with a key and policies.
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand, TagUserCommand } from '@aws-sdk/client-iam';
import { after } from 'node:test';
import { STSClient } from '@aws-sdk/client-sts';
import type { Credentials, RunningServer } from './server.js';

export function iamClient(server: RunningServer, credentials: Credentials = server.root): IAMClient {
  return new IAMClient({ endpoint: server.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
}

export function stsClient(server: RunningServer, credentials: Credentials): STSClient {
  return new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
}

export interface PolicyStatement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Record<string, Record<string, string | readonly string[]>>;
}

export function policyDocument(...statements: PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** Creates a user (optionally tagged) with one inline policy per document, and returns its new key. */
export async function userWithPolicies(iam: IAMClient, name: string, documents: readonly string[], tags?: Record<string, string>): Promise<Credentials> {
  await iam.send(new CreateUserCommand({ UserName: name }));
  if (tags) await iam.send(new TagUserCommand({ UserName: name, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }));
  for (const [i, document] of documents.entries()) {
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: `p${i}`, PolicyDocument: document }));
  }
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

/** Inside a `describe` with useServer: the root's IAM client for that server, made on first use, destroyed after the tests. */
export function useIam(server: () => RunningServer): () => IAMClient {
  let client: IAMClient | undefined;
  after(() => client?.destroy());
  return () => (client ??= iamClient(server()));
}
