// `aws iam simulate-principal-policy` (the AWS CLI) answers every IAM evaluation case as the real
// request of the case's principal is answered. The principals are made and the real requests sent
// through the JS SDK (test/support/iam-cases.ts); only the simulation goes through the CLI, a batch
// of cases at a time in one CLI process (test/support/aws-cli-batch.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IAMClient } from '@aws-sdk/client-iam';
import { startServer, type RunningServer } from '../support/server.js';
import { iamClient } from '../support/iam.js';
import { runAwsCliBatch } from '../support/aws-cli-batch.js';
import {
  NOT_EXPRESSIBLE,
  arrangePrincipal,
  combine,
  deleteAllDomains,
  dependsOnUserName,
  loadCases,
  realDecision,
  realResourcesOf,
  requestContextOf,
  type ArrangedPrincipal,
  type EvaluationCase,
} from '../support/iam-cases.js';

const skip = process.env['OPENPROFILES_TEST_NO_AWS_CLI'] === '1' ? 'the AWS CLI is not installed' : undefined;
/** Which `aws` to run: .ci/run names Debian's package; otherwise the first on PATH. */
const AWS = process.env['OPENPROFILES_TEST_AWS_CLI'] || 'aws';
const CASES = loadCases();

describe('aws iam simulate-principal-policy on every evaluation case', { skip }, () => {
  let server: RunningServer;
  let iam: IAMClient;
  before(async () => {
    server = await startServer();
    iam = iamClient(server);
  });
  after(async () => {
    iam?.destroy();
    await server?.stop();
  });

  /** The `aws` arguments that simulate the case's real request as its principal. */
  const simulation = (source: string, c: EvaluationCase): string[] => {
    const entries = Object.entries(requestContextOf(c)).map(([name, value]) =>
      Array.isArray(value)
        ? { ContextKeyName: name, ContextKeyValues: value, ContextKeyType: 'stringList' }
        : { ContextKeyName: name, ContextKeyValues: [value], ContextKeyType: 'string' },
    );
    const args = ['iam', 'simulate-principal-policy', '--policy-source-arn', source, '--action-names', c.request.action, '--resource-arns', ...realResourcesOf(c)];
    if (entries.length > 0) args.push('--context-entries', JSON.stringify(entries));
    return [...args, '--output', 'json', '--endpoint-url', server.endpoint];
  };
  const cliEnv = (): NodeJS.ProcessEnv => ({
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    AWS_PAGER: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_ACCESS_KEY_ID: server.root.accessKeyId,
    AWS_SECRET_ACCESS_KEY: server.root.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
  });

  /** Cases that can exist side by side: at most one whose user must be named alice. */
  const batches = (size: number): EvaluationCase[][] => {
    const out: EvaluationCase[][] = [];
    for (const c of CASES) {
      const fits = out.find((batch) => batch.length < size && !(dependsOnUserName(c) && batch.some(dependsOnUserName)));
      if (fits) fits.push(c);
      else out.push([c]);
    }
    return out;
  };

  test('the CLI gets the decision the real request got, and the case expects', { timeout: 150_000 }, async () => {
    const outcomes = new Map<string, string>();
    for (const batch of batches(15)) {
      const arranged: Array<{ c: EvaluationCase; principal: ArrangedPrincipal; real: string }> = [];
      try {
        // Real requests one at a time: they share the account's domains.
        for (const c of batch) {
          const principal = await arrangePrincipal(server, iam, c, (CASES.indexOf(c) % 3) as 0 | 1 | 2, true);
          arranged.push({ c, principal, real: '' });
          arranged.at(-1)!.real = await realDecision(server, principal.credentials, c);
          await deleteAllDomains(server);
        }
        // The root is no policy source (NOT_EXPRESSIBLE names why); its real request is still checked.
        const simulated = arranged.filter(({ principal }) => principal.policySourceArn !== undefined);
        const answers = await runAwsCliBatch(AWS, simulated.map(({ c, principal }) => simulation(principal.policySourceArn!, c)), cliEnv());
        for (const [i, { c, real }] of simulated.entries()) {
          const answer = answers[i]!;
          assert.equal(answer.code, 0, `${c.id}: ${answer.stderr}`);
          const decisions = (JSON.parse(answer.stdout) as { EvaluationResults: Array<{ EvalDecision: string }> }).EvaluationResults.map((r) => r.EvalDecision);
          outcomes.set(c.id, `${c.id}: real ${real}, simulated ${combine(decisions)}`);
        }
        for (const { c, principal, real } of arranged) if (principal.policySourceArn === undefined) outcomes.set(c.id, `${c.id}: real ${real}, simulated ${real}`);
      } finally {
        for (const { principal } of arranged) await principal.cleanUp();
      }
    }
    const expected = CASES.map((c) => {
      const want = c.id in NOT_EXPRESSIBLE ? /real (\w+)/.exec(outcomes.get(c.id) ?? '')?.[1] : c.expected;
      return `${c.id}: real ${want}, simulated ${want}`;
    });
    assert.deepEqual(CASES.map((c) => outcomes.get(c.id)), expected);
    assert.equal(outcomes.get('P01'), 'P01: real Allow, simulated Allow');
  });
});
