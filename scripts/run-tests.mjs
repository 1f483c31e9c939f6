#!/usr/bin/env node
// `npm test`: runs every compiled test file with node's test runner. Finds PostgreSQL and the AWS CLI,
// says loudly which suites are skipped without them, and refuses to skip under CI=true.
import { spawnSync, execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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
