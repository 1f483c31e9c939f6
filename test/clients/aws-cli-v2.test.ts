// Client matrix, AWS CLI v2 (Debian's awscli at /usr/bin/aws): the shared scenario, one `aws` process per call.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { runAwsCliV2Scenario } from './aws-cli-v2/scenario.js';
import { describeLeg } from './scenario.js';

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

describeLeg({
  title: 'AWS CLI v2',
  leg: 'aws-cli-v2',
  clientName: 'aws-cli',
  ...(skip && { skip }),
  timeoutMs: 55_000,
  run: (env) => {
    assert.equal(notV2, undefined, notV2);
    return runAwsCliV2Scenario(AWS_V2, env);
  },
});
