// The part of the client matrix every leg shares: which unimplemented operation to call, the environment a
// scenario program gets, running it, and the one check of its report against the server and the wire.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { GetDomainCommand } from '@aws-sdk/client-customer-profiles';
import { GetRoleCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { loadModel, NAMESPACE, repoRoot } from '../../codegen/model.js';
import { registry } from '../../src/operations/index.js';
import { startCountingProxy, type CountingProxy, type WireExchange } from '../support/counting-proxy.js';
import { rejectsWith } from '../support/errors.js';
import { iamClient } from '../support/iam.js';
import { startServer, type RunningServer } from '../support/server.js';

export { repoRoot };

/** Operations of the model with trivial input (a DomainName), in the order the matrix prefers them. */
export const NOT_IMPLEMENTED_CANDIDATES = [
  'ListSegmentDefinitions',
  'ListCalculatedAttributeDefinitions',
  'ListEventStreams',
  'ListEventTriggers',
  'ListDomainLayouts',
  'ListRecommenders',
  'ListUploadJobs',
] as const;

/** The first candidate the server does not implement; '' when it implements them all. */
export function chooseNotImplemented(): string {
  return NOT_IMPLEMENTED_CANDIDATES.find((operation) => !(operation in registry)) ?? '';
}

export interface HttpBinding {
  readonly method: string;
  /** The model's URI template, e.g. /domains/{DomainName}/segment-definitions. */
  readonly uri: string;
}

/** The HTTP binding of an operation in the server's model, for clients whose own model predates it. */
export function httpBindingOf(operation: string): HttpBinding {
  const shape = loadModel().shapes[NAMESPACE + operation];
  const http = shape?.traits?.['smithy.api#http'] as HttpBinding | undefined;
  if (!http) throw new Error(`${operation} has no HTTP binding in the model`);
  return { method: http.method, uri: http.uri };
}

export interface ScenarioError {
  readonly code: string;
  readonly message?: string;
  readonly status: number;
}

/** What a scenario program prints (see each program under test/clients/). */
export interface ScenarioReport {
  readonly client: string;
  readonly createDomain: { DomainName: string };
  readonly getDomain: { DomainName: string; DefaultExpirationDays: number };
  readonly profileIds: string[];
  readonly objectTypeKeys: unknown;
  readonly objectUniqueKeys: string[];
  readonly listedObjects: number;
  readonly searchByEmail: string[];
  readonly mergeMessage: string;
  readonly afterMerge: string[];
  readonly tags: { tagged: Record<string, string>; untagged: Record<string, string> };
  readonly iamUser: { allowedDomainName: string; denied: ScenarioError };
  readonly role: { arn: string; afterDelete: ScenarioError };
  readonly notImplemented: ScenarioError | null;
  readonly deleteDomain: string;
}

export interface LegInput {
  /** The server's endpoint or, for the wire count, the counting proxy in front of it. */
  readonly endpoint: string;
  readonly server: RunningServer;
  readonly domain: string;
  /** The operation to call with default retries; '' to skip that step. */
  readonly notImplemented: string;
}

/** The SCENARIO_* variables of scenario.md, plus SCENARIO_NOT_IMPLEMENTED_HTTP ("GET /domains/{DomainName}/…") for
 *  clients whose bundled model lacks the operation and must be taught it to call it. */
export function scenarioEnv(input: LegInput): Record<string, string> {
  const binding = input.notImplemented ? httpBindingOf(input.notImplemented) : undefined;
  return {
    SCENARIO_ENDPOINT: input.endpoint,
    SCENARIO_ACCESS_KEY_ID: input.server.root.accessKeyId,
    SCENARIO_SECRET_ACCESS_KEY: input.server.root.secretAccessKey,
    SCENARIO_REGION: 'us-east-1',
    SCENARIO_DOMAIN: input.domain,
    SCENARIO_NOT_IMPLEMENTED: input.notImplemented,
    SCENARIO_NOT_IMPLEMENTED_HTTP: binding ? `${binding.method} ${binding.uri}` : '',
  };
}

/** Runs a scenario program with only the scenario environment (no AWS_* settings or config files of the machine) and parses its report. */
export function runScenarioProgram(command: string, args: readonly string[], env: Record<string, string>, timeoutMs = 45_000): Promise<ScenarioReport> {
  const childEnv = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp', AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', ...env };
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { env: childEnv, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${command} ${args.join(' ')} failed (${error.message}):\n${stderr}`));
      try {
        resolve(JSON.parse(stdout) as ScenarioReport);
      } catch {
        reject(new Error(`${command} printed no JSON report:\n${stdout}\n${stderr}`));
      }
    });
  });
}

export interface ScenarioContext {
  /** The leg's name in IAM names: matrix-<leg>, matrix-role-<leg>. */
  readonly leg: string;
  /** The first word of report.client, e.g. "aws-sdk-js-v3". */
  readonly clientName: string;
  readonly domain: string;
  /** What the leg was asked to call with default retries ('' when not asked). */
  readonly notImplemented: string;
  /** The proxy the program went through: the wire is checked against the report. */
  readonly proxy: CountingProxy;
}

const ORDER_KEYS = {
  _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }],
  order_id: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['order_id'] }],
};

function answers(exchanges: readonly WireExchange[], method: string, path: string): Array<Record<string, unknown>> {
  return exchanges
    .filter((e) => e.method === method && e.url.split('?')[0] === path && e.status < 300)
    .map((e) => JSON.parse(e.responseBody) as Record<string, unknown>);
}

function assertError(actual: ScenarioError, code: string, status: number, what: string): void {
  assert.equal(actual.code, code, `${what}: error code`);
  assert.equal(actual.status, status, `${what}: HTTP status`);
}

/** Checks a leg's report against the scenario's expectations, the requests on the wire and the server's state after it. */
export async function assertScenarioReport(report: ScenarioReport, server: RunningServer, context: ScenarioContext): Promise<void> {
  const { domain } = context;
  const enc = encodeURIComponent(domain);
  const wire = context.proxy.exchanges();
  assert.match(report.client, new RegExp(`^${context.clientName} \\d+\\.\\d+\\.\\d+`), 'client names itself and its version');

  assert.deepEqual(report.createDomain, { DomainName: domain });
  assert.deepEqual(report.getDomain, { DomainName: domain, DefaultExpirationDays: 30 });

  const [id1, id2] = report.profileIds;
  assert.equal(report.profileIds.length, 2);
  assert.notEqual(id1, id2);
  assert.deepEqual(report.profileIds, answers(wire, 'POST', `/domains/${enc}/profiles`).map((a) => a['ProfileId']), 'profile ids are those the server answered');

  assert.deepEqual(report.objectTypeKeys, ORDER_KEYS, 'object type keys echoed exactly');
  assert.equal(report.objectUniqueKeys.length, 2);
  assert.notEqual(report.objectUniqueKeys[0], report.objectUniqueKeys[1]);
  assert.deepEqual(
    report.objectUniqueKeys,
    answers(wire, 'PUT', `/domains/${enc}/profiles/objects`).map((a) => a['ProfileObjectUniqueKey']),
    'object keys are those the server answered',
  );
  assert.equal(report.listedObjects, 2, 'both objects are listed on the first profile');

  assert.deepEqual(report.searchByEmail, [id1], 'search by e-mail finds the first profile');
  assert.equal(report.mergeMessage, answers(wire, 'POST', `/domains/${enc}/profiles/objects/merge`)[0]?.['Message']);
  assert.match(report.mergeMessage, new RegExp(`into profile ${id1}`));
  assert.deepEqual(report.afterMerge, [id1], 'the merge folded the second profile into the first');

  assert.deepEqual(report.tags, { tagged: { team: 'crm', env: 'test' }, untagged: { team: 'crm' } });

  assert.equal(report.iamUser.allowedDomainName, domain, 'the allowed call succeeds as the user');
  assertError(report.iamUser.denied, 'AccessDeniedException', 403, 'DeleteDomain as the user');
  assert.ok(report.iamUser.denied.message, 'the denial says why');

  assert.equal(report.role.arn, `arn:aws:iam::000000000000:role/matrix-role-${context.leg}`);
  assertError(report.role.afterDelete, 'NoSuchEntity', 404, 'GetRole after DeleteRole');

  if (context.notImplemented) {
    const called = report.notImplemented;
    assert.ok(called, `the report has the ${context.notImplemented} call`);
    assertError(called, 'NotImplementedException', 400, context.notImplemented);
    assert.match(called.message ?? '', new RegExp(context.notImplemented), 'the message names the operation');
    const binding = httpBindingOf(context.notImplemented);
    const path = binding.uri.replace('{DomainName}', enc);
    const sent = wire.filter((e) => e.method === binding.method && e.url.split('?')[0] === path);
    assert.equal(sent.length, 1, `one ${context.notImplemented} call puts one request on the wire (default retries)`);
  } else {
    assert.equal(report.notImplemented, null);
  }

  assert.equal(report.deleteDomain, 'Domain Deleted');
  const serverErrors = wire.filter((e) => e.status >= 500).map((e) => `${e.method} ${e.url} → ${e.status}: ${e.responseBody}`);
  assert.deepEqual(serverErrors, [], 'no request of the scenario met a server error');

  const profiles = server.client();
  const iam = iamClient(server);
  try {
    await rejectsWith(profiles.send(new GetDomainCommand({ DomainName: domain })), 'ResourceNotFoundException', 404);
    await rejectsWith(iam.send(new GetUserCommand({ UserName: `matrix-${context.leg}` })), 'NoSuchEntityException', 404);
    await rejectsWith(iam.send(new GetRoleCommand({ RoleName: `matrix-role-${context.leg}` })), 'NoSuchEntityException', 404);
  } finally {
    profiles.destroy();
    iam.destroy();
  }
}

export interface Leg<R extends ScenarioReport = ScenarioReport> {
  /** The client, as the suite names it. */
  readonly title: string;
  /** The leg's name in domain and IAM names. */
  readonly leg: string;
  /** The first word the client names itself with in report.client. */
  readonly clientName: string;
  readonly skip?: string;
  readonly timeoutMs?: number;
  /** Work before the server starts (e.g. building the program). */
  prepare?(): Promise<void>;
  cleanUp?(): void;
  /** Runs the scenario with the SCENARIO_* variables and returns its report. */
  run(env: Record<string, string>): Promise<R>;
  /** What this client must show beyond the shared checks. */
  check?(report: R, notImplemented: string): void;
}

/** One leg of the matrix: a server behind the counting proxy, the scenario through the client, the shared checks. */
export function describeLeg<R extends ScenarioReport>(leg: Leg<R>): void {
  describe(`client matrix: ${leg.title}`, { skip: leg.skip }, () => {
    let server: RunningServer;
    let proxy: CountingProxy;
    before(async () => {
      await leg.prepare?.();
      server = await startServer();
      proxy = await startCountingProxy(server.endpoint);
    });
    after(async () => {
      await proxy?.close();
      await server?.stop();
      leg.cleanUp?.();
    });

    test('the scenario agrees with the server; one unimplemented call is one request', { timeout: leg.timeoutMs ?? 50_000 }, async (t) => {
      const domain = `matrix-${leg.leg}-${randomBytes(3).toString('hex')}`;
      const notImplemented = chooseNotImplemented();
      if (!notImplemented) t.diagnostic('every candidate operation is implemented: the not-implemented step is skipped');
      const report = await leg.run(scenarioEnv({ endpoint: proxy.endpoint, server, domain, notImplemented }));
      await assertScenarioReport(report, server, { leg: leg.leg, clientName: leg.clientName, domain, notImplemented, proxy });
      leg.check?.(report, notImplemented);
    });
  });
}
