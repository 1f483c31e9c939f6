// Client matrix, boto3 (Debian's python3-boto3): the shared scenario run by /usr/bin/python3 as a child process.
import { after, before, describe, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.js';
import { startServer, type RunningServer } from '../support/server.js';
import { assertScenarioReport, chooseNotImplemented, repoRoot, runScenarioProgram, scenarioEnv } from './scenario.js';

const PROGRAM = join(repoRoot(), 'test', 'clients', 'boto3', 'scenario.py');
/** The Python that has boto3: Debian's, not whatever python3 comes first on PATH. */
const PYTHON = process.env['OPENPROFILES_TEST_PYTHON'] || '/usr/bin/python3';
const skip = process.env['OPENPROFILES_TEST_NO_BOTO3'] === '1' ? `boto3 is not importable by ${PYTHON} (Debian: apt-get install python3-boto3)` : undefined;

describe('client matrix: boto3', { skip }, () => {
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
    const domain = `matrix-boto3-${randomBytes(3).toString('hex')}`;
    const notImplemented = chooseNotImplemented();
    if (!notImplemented) t.diagnostic('every candidate operation is implemented: the not-implemented step is skipped');
    const report = await runScenarioProgram(PYTHON, [PROGRAM], scenarioEnv({ endpoint: proxy.endpoint, server, domain, notImplemented }));
    await assertScenarioReport(report, server, { leg: 'boto3', clientName: 'boto3', domain, notImplemented, proxy });
  });
});
