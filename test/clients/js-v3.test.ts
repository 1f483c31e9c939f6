// Client matrix, AWS SDK for JavaScript v3: the shared scenario in-process, through the counting proxy.
import { after, before, describe, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.js';
import { startServer, type RunningServer } from '../support/server.js';
import { runJsV3Scenario } from './js-v3/scenario.js';
import { assertScenarioReport, chooseNotImplemented, scenarioEnv } from './scenario.js';

describe('client matrix: AWS SDK for JavaScript v3', () => {
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
    const domain = `matrix-js-v3-${randomBytes(3).toString('hex')}`;
    const notImplemented = chooseNotImplemented();
    if (!notImplemented) t.diagnostic('every candidate operation is implemented: the not-implemented step is skipped');
    const report = await runJsV3Scenario(scenarioEnv({ endpoint: proxy.endpoint, server, domain, notImplemented }));
    await assertScenarioReport(report, server, { leg: 'js-v3', clientName: 'aws-sdk-js-v3', domain, notImplemented, proxy });
  });
});
