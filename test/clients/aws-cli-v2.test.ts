// Client matrix, AWS CLI v2 (Debian's awscli at /usr/bin/aws): the shared scenario, one `aws` process per call.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.js';
import { startServer, type RunningServer } from '../support/server.js';
import { runAwsCliV2Scenario } from './aws-cli-v2/scenario.js';
import { assertScenarioReport, chooseNotImplemented, scenarioEnv } from './scenario.js';

/** Not the `aws` first on PATH, which may be a v1. */
const AWS_V2 = process.env['OPENPROFILES_TEST_AWS_CLI_V2'] || '/usr/bin/aws';

function versionOf(aws: string): string {
  try {
    return execFileSync(aws, ['--version'], { encoding: 'utf8', env: { PATH: process.env['PATH'], HOME: process.env['HOME'] } }).trim();
  } catch (error) {
    return `(${aws} does not run: ${(error as Error).message})`;
  }
}
const version = versionOf(AWS_V2);
const notV2 = /^aws-cli\/2\./.test(version) ? undefined : `${AWS_V2} is not the AWS CLI v2: ${version} (Debian: apt-get install awscli)`;
/** Outside CI a missing v2 skips with its reason; under CI=true the leg runs and fails on it. */
const skip = process.env['CI'] === 'true' ? undefined : notV2;

describe('client matrix: AWS CLI v2', { skip }, () => {
  let server: RunningServer;
  let proxy: CountingProxy;
  before(async () => {
    server = await startServer();
    proxy = await startCountingProxy(server.endpoint);
  });
  after(async () => {
    await proxy?.close();
    await server?.stop();
  });

  test('the scenario agrees with the server; one unimplemented call is one request', { timeout: 55_000 }, async (t) => {
    assert.equal(notV2, undefined, notV2);
    const domain = `matrix-aws-cli-v2-${randomBytes(3).toString('hex')}`;
    const notImplemented = chooseNotImplemented();
    if (!notImplemented) t.diagnostic('every candidate operation is implemented: the not-implemented step is skipped');
    const report = await runAwsCliV2Scenario(AWS_V2, scenarioEnv({ endpoint: proxy.endpoint, server, domain, notImplemented }));
    await assertScenarioReport(report, server, { leg: 'aws-cli-v2', clientName: 'aws-cli', domain, notImplemented, proxy });
  });
});
