// `openprofiles accounts create|list`: operator commands that work on the same data as a running server.
import { readConfig, type ServeOptions } from '../config.js';
import { createContainer, type Container } from '../container.js';

async function withContainer<T>(options: ServeOptions, work: (container: Container) => Promise<T>): Promise<T> {
  const container = await createContainer(readConfig(options));
  try {
    return await work(container);
  } finally {
    await container.close();
  }
}

export async function createAccount(options: ServeOptions & { id?: string }): Promise<void> {
  if (options.id !== undefined && !/^\d{12}$/.test(options.id)) throw new Error(`invalid account id (12 digits expected): ${options.id}`);
  const key = await withContainer(options, (container) => container.accounts.createAccount(options.id));
  process.stdout.write(
    JSON.stringify({ AccountId: key.accountId, AccessKeyId: key.accessKeyId, SecretAccessKey: key.secretAccessKey }, null, 2) + '\n',
  );
}

export async function listAccounts(options: ServeOptions): Promise<void> {
  const accounts = await withContainer(options, (container) => container.accounts.list());
  for (const account of accounts) process.stdout.write(`${account.accountId}\t${account.createdAt.toISOString()}\n`);
}
