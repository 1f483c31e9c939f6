// Client matrix, AWS SDK for JavaScript v2 (npm aws-sdk 2.x): the shared scenario run by node as a child process.
import { after, before, describe, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.js';
import { startServer, type RunningServer } from '../support/server.js';
import { assertScenarioReport, chooseNotImplemented, repoRoot, runScenarioProgram, scenarioEnv } from './scenario.js';

const PROGRAM = join(repoRoot(), 'test', 'clients', 'js-v2', 'scenario.mjs');

describe('client matrix: AWS SDK for JavaScript v2', () => {
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

  test('the scenario agrees with the server; one unimplemented call is one request', { timeout: 50_000 }, async (t) => {
    const domain = `matrix-js-v2-${randomBytes(3).toString('hex')}`;
    const notImplemented = chooseNotImplemented();
    if (!notImplemented) t.diagnostic('every candidate operation is implemented: the not-implemented step is skipped');
    const env = { ...scenarioEnv({ endpoint: proxy.endpoint, server, domain, notImplemented }), AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' };
    const report = await runScenarioProgram(process.execPath, [PROGRAM], env);
    await assertScenarioReport(report, server, { leg: 'js-v2', clientName: 'aws-sdk-js', domain, notImplemented, proxy });
  });
});
