#!/usr/bin/env node
// `npm test`: runs every compiled test file with node's test runner. Finds PostgreSQL, the AWS CLI and the
// client-matrix clients (AWS CLI v2, boto3, Go with the AWS SDK for Go v1), says loudly which suites are
// skipped without them, and refuses to skip under CI=true.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const inCi = process.env.CI === 'true';
const skipped = [];

async function postgresReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function awsCliAvailable() {
  try {
    execFileSync(process.env.OPENPROFILES_TEST_AWS_CLI || 'aws', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The output of `command args…`, or undefined when it does not run or fails. */
function outputOf(command, args, env = process.env) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });
  } catch {
    return undefined;
  }
}

function awsCliV2Version() {
  const version = outputOf(process.env.OPENPROFILES_TEST_AWS_CLI_V2 || '/usr/bin/aws', ['--version']);
  return version?.startsWith('aws-cli/2.') ? version.trim() : undefined;
}

function boto3Available() {
  return outputOf(process.env.OPENPROFILES_TEST_PYTHON || '/usr/bin/python3', ['-c', 'import boto3']) !== undefined;
}

/** The Go leg builds offline in GOPATH mode against Debian's golang-github-aws-aws-sdk-go-dev. */
function goWithSdkAvailable() {
  const gopath = process.env.OPENPROFILES_TEST_GOPATH || '/usr/share/gocode';
  return outputOf('go', ['version']) !== undefined && existsSync(join(gopath, 'src', 'github.com', 'aws', 'aws-sdk-go', 'aws'));
}

function testFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...testFiles(path));
    else if (name.endsWith('.test.js')) found.push(path);
  }
  return found.sort();
}

const pgUrl = process.env.OPENPROFILES_TEST_DATABASE_URL || DEFAULT_PG;
if (await postgresReachable(pgUrl)) {
  process.env.OPENPROFILES_TEST_DATABASE_URL = pgUrl;
} else {
  delete process.env.OPENPROFILES_TEST_DATABASE_URL;
  skipped.push(`PostgreSQL suites: no PostgreSQL at ${pgUrl} (set OPENPROFILES_TEST_DATABASE_URL to an admin URL)`);
}
if (!awsCliAvailable()) {
  process.env.OPENPROFILES_TEST_NO_AWS_CLI = '1';
  skipped.push('AWS CLI suite: `aws` is not on PATH (Debian: apt-get install awscli)');
}
if (!awsCliV2Version()) {
  process.env.OPENPROFILES_TEST_NO_AWS_CLI_V2 = '1';
  skipped.push(`client matrix, AWS CLI v2 leg: ${process.env.OPENPROFILES_TEST_AWS_CLI_V2 || '/usr/bin/aws'} is not aws-cli/2 (Debian: apt-get install awscli)`);
}
if (!boto3Available()) {
  process.env.OPENPROFILES_TEST_NO_BOTO3 = '1';
  skipped.push(`client matrix, boto3 leg: ${process.env.OPENPROFILES_TEST_PYTHON || '/usr/bin/python3'} cannot import boto3 (Debian: apt-get install python3-boto3)`);
}
if (!goWithSdkAvailable()) {
  process.env.OPENPROFILES_TEST_NO_GO = '1';
  skipped.push('client matrix, Go v1 leg: no `go` or no AWS SDK for Go v1 in GOPATH /usr/share/gocode (Debian: apt-get install golang-go golang-github-aws-aws-sdk-go-dev)');
}

const banner = () => {
  if (skipped.length === 0) return;
  const line = '!'.repeat(78);
  console.error(`\n${line}\n!! SKIPPED TEST SUITES:\n${skipped.map((s) => `!!   - ${s}`).join('\n')}\n${line}\n`);
};
banner();
if (inCi && skipped.length > 0) {
  console.error('CI=true: every suite must run. Failing.');
  process.exit(1);
}

const files = testFiles('dist').filter((file) => !file.includes('node_modules'));
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit', env: process.env });
banner();
process.exit(result.status ?? 1);
