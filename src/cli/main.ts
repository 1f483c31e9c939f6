#!/usr/bin/env node
// The `openprofiles` command line.
import { Command } from 'commander';
import { serve } from './serve.js';
import { createAccount, listAccounts } from './accounts.js';
import { importFile } from './import/import-command.js';
import { listDeadLetters } from './dead-letters.js';
import { runMatching } from './matching.js';
import { explainMatch } from './matching-explain.js';
import { explainCalculatedAttribute } from './calculated-attributes-explain.js';
import { DEFAULT_DATA_DIR, DEFAULT_PORT, DEFAULT_REGION, DEFAULT_S3_POLL_SECONDS } from '../config.js';
import { deleteConnectorProfile, listConnectorProfiles, putConnectorProfile } from './connectors.js';

const program = new Command('openprofiles').description('A self-hostable server for the Amazon Connect Customer Profiles API');

program
  .command('serve')
  .description('serve the API over HTTP')
  .option('--host <host>', 'address to listen on (default 127.0.0.1)')
  .option('--port <port>', `port to listen on; 0 picks a free one (default ${DEFAULT_PORT})`)
  .option('--data-dir <dir>', `where the SQLite database, master key and credentials live (default ./${DEFAULT_DATA_DIR})`)
  .option('--database <url>', 'postgres://… to use PostgreSQL instead of SQLite (or OPENPROFILES_DATABASE_URL)')
  .option('--account-id <id>', 'the default account (default 000000000000)')
  .option('--region <region>', `region for the printed instructions (default ${DEFAULT_REGION})`)
  .option('--log-level <level>', 'pino log level (default info)')
  .option('--s3-endpoint <url>', 'S3-compatible endpoint that s3:// integrations read from (or OPENPROFILES_S3_ENDPOINT; AWS S3 by default)')
  .option('--s3-poll-seconds <n>', `how often s3:// integrations look for new objects (or OPENPROFILES_S3_POLL_SECONDS; default ${DEFAULT_S3_POLL_SECONDS})`)
  .option('--s3-accounts <ids>', "comma-separated accounts that may use the server's own S3 endpoint and keys when they have no S3 connector profile for a bucket (or OPENPROFILES_S3_ACCOUNTS; default none)")
  .option('--sqs-endpoints <origins>', "comma-separated SQS-compatible endpoints (http(s)://host[:port]) a DeadLetterQueueUrl may name besides AWS's sqs.<region>.amazonaws.com (or OPENPROFILES_SQS_ENDPOINTS)")
  .action(serve);

const accounts = program.command('accounts').description('manage accounts (each with its own root key)');
const storeOptions = (command: Command) =>
  command
    .option('--data-dir <dir>', `the server's data dir (default ./${DEFAULT_DATA_DIR})`)
    .option('--database <url>', 'postgres://… when the server uses PostgreSQL');
storeOptions(accounts.command('create').description("create an account and print its root key (shown once)"))
  .option('--id <accountId>', '12-digit account id (random by default)')
  .action(createAccount);
storeOptions(accounts.command('list').description('list accounts')).action(listAccounts);

const deadLetters = program.command('dead-letters').description('objects PutProfileObject could not place on a profile');
storeOptions(deadLetters.command('list').description('print a domain\'s dead letters, one JSON line each, oldest first'))
  .requiredOption('--domain <name>', 'the domain')
  .option('--account-id <id>', 'the account (default 000000000000)')
  .option('--region <region>', `the region (default ${DEFAULT_REGION})`)
  .action(listDeadLetters);

const matching = program.command('matching').description('identity resolution: find the profiles that are the same person');
storeOptions(matching.command('run').description("run an identity-resolution job on a domain now and print its JobId and final status; the operator's tool, not bound by the weekly job quota (the job still counts toward it)"))
  .requiredOption('--domain <name>', 'the domain')
  .option('--account-id <id>', 'the account (default 000000000000)')
  .option('--region <region>', `the region (default ${DEFAULT_REGION})`)
  .action(runMatching);
storeOptions(matching.command('explain').description("why the matcher scores two profiles as it does: each attribute's level and weight, the prior and the probability"))
  .argument('<profileId>', 'one profile')
  .argument('<otherProfileId>', 'the other profile')
  .requiredOption('--domain <name>', 'the domain')
  .option('--account-id <id>', 'the account (default 000000000000)')
  .option('--region <region>', `the region (default ${DEFAULT_REGION})`)
  .option('--json', 'print one JSON object instead of text')
  .action(explainMatch);

const calculatedAttributes = program.command('calculated-attributes').description('calculated attributes: per-profile values computed from a domain\'s objects');
storeOptions(calculatedAttributes.command('explain').description('which objects produced a profile\'s value, with the window and object count used, as one JSON object'))
  .argument('<name>', 'the calculated attribute')
  .requiredOption('--domain <name>', 'the domain')
  .requiredOption('--profile <profileId>', 'the profile')
  .option('--account-id <id>', 'the account (default 000000000000)')
  .option('--region <region>', `the region (default ${DEFAULT_REGION})`)
  .action(explainCalculatedAttribute);

const connectors = program
  .command('connectors')
  .description("connector profiles: the sources integration workflows read, and each account's own S3 and SQS keys, with their credentials (stored sealed)");
const scoped = (command: Command) =>
  storeOptions(command)
    .option('--account-id <id>', 'the account (default 000000000000)')
    .option('--region <region>', `the region (default ${DEFAULT_REGION})`);
scoped(connectors.command('put-profile').description('create or replace a connector profile'))
  .requiredOption('--name <name>', 'the ConnectorProfileName workflows use')
  .requiredOption('--type <type>', 'salesforce, s3, zendesk, servicenow, marketo or sqs')
  .option('--instance-url <url>', "the source's base URL (Salesforce instance, S3-compatible endpoint, SQS endpoint origin…; AWS when absent for s3 and sqs)")
  .option('--token <token>', 'OAuth access token (Salesforce, Zendesk, ServiceNow); with --email, a Zendesk API token')
  .option('--email <email>', 'Zendesk agent e-mail, for an API token given with --token')
  .option('--username <user>', 'ServiceNow user (Basic authentication, with --password)')
  .option('--password <password>', 'ServiceNow password')
  .option('--access-key-id <id>', 'S3 or SQS access key id (required for those types)')
  .option('--secret-access-key <secret>', 'S3 or SQS secret access key')
  .option('--aws-region <region>', 'S3 region (default us-east-1); SQS region of an --instance-url endpoint (default the profile\'s --region)')
  .option('--buckets <names>', 'comma-separated buckets these S3 keys serve for the account (default: any bucket no other of its s3 profiles names)')
  .option('--client-id <id>', 'OAuth client id')
  .option('--client-secret <secret>', 'OAuth client secret')
  .option('--api-version <version>', 'source API version (Salesforce default v59.0)')
  .action(putConnectorProfile);
scoped(connectors.command('list').description('list connector profiles, one JSON line each (credential names only)')).action(listConnectorProfiles);
scoped(connectors.command('delete').description('delete a connector profile'))
  .requiredOption('--name <name>', 'the profile')
  .action(deleteConnectorProfile);

storeOptions(program.command('import').description('ingest a CSV, JSON Lines or JSON-array file as objects of one object type'))
  .argument('<file>', 'the file to import')
  .requiredOption('--domain <name>', 'the domain')
  .requiredOption('--object-type <name>', 'the object type (or template id) of every record')
  .option('--format <format>', 'csv, jsonl or json (default: from the file name)')
  .option('--rejects <file>', 'append rejected records (JSON Lines: record index and reason) here instead of stderr')
  .option('--account-id <id>', 'the account (default 000000000000)')
  .option('--region <region>', 'the region (default us-east-1)')
  .option('--batch-size <n>', 'records per transaction and checkpoint (default 2000)')
  .option('--limit <n>', 'stop after this many records in this run (a rerun goes on from there)')
  .action(importFile);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`openprofiles: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
