// Client matrix, Go v1 leg: builds test/clients/go-v1 against Debian's aws-sdk-go (GOPATH mode, offline),
// runs the scenario through it against a real server behind a request-counting proxy, and checks the report.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GetDomainCommand } from '@aws-sdk/client-customer-profiles';
import { GetRoleCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { repoRoot } from '../../codegen/model.js';
import { operations, type OperationName } from '../../src/generated/operations.js';
import { registry } from '../../src/operations/index.js';
import { iamClient } from '../support/iam.js';
import { rejectsWith } from '../support/errors.js';
import { startServer, type RunningServer } from '../support/server.js';

const run = promisify(execFile);
const GOPATH = '/usr/share/gocode';
const SDK_VERSION_FILE = join(GOPATH, 'src/github.com/aws/aws-sdk-go/aws/version.go');
const CLIENT = 'go-v1';
const NOT_IMPLEMENTED_CANDIDATES: readonly OperationName[] = [
  'ListSegmentDefinitions', 'ListCalculatedAttributeDefinitions', 'ListEventStreams', 'ListEventTriggers',
  'ListDomainLayouts', 'ListRecommenders', 'ListUploadJobs',
];

/** Why the Go toolchain or the SDK cannot be used here, or undefined when both are present. */
function goMissing(): string | undefined {
  if (process.env['OPENPROFILES_TEST_NO_GO'] === '1') return 'OPENPROFILES_TEST_NO_GO=1';
  try {
    execFileSync('go', ['version'], { stdio: 'ignore', timeout: 10_000 });
  } catch {
    return '`go` is not on PATH (Debian: apt-get install golang-go)';
  }
  if (!existsSync(SDK_VERSION_FILE)) return `the AWS SDK for Go v1 is not under ${GOPATH} (Debian: apt-get install golang-github-aws-aws-sdk-go-dev)`;
  return undefined;
}

const missing = goMissing();
const inCi = process.env['CI'] === 'true';

function sdkVersion(): string {
  const found = /SDKVersion = "([^"]+)"/.exec(readFileSync(SDK_VERSION_FILE, 'utf8'));
  assert.ok(found, `no SDKVersion in ${SDK_VERSION_FILE}`);
  return found[1]!;
}

async function buildProgram(workDir: string): Promise<string> {
  const program = join(workDir, 'scenario');
  // GOPATH mode builds a directory outside GOPATH only as the current one (`.`), never by absolute path.
  await run('go', ['build', '-o', program, '.'], {
    cwd: join(repoRoot(), 'test', 'clients', CLIENT),
    env: { PATH: process.env['PATH'], HOME: workDir, GO111MODULE: 'off', GOPATH, GOCACHE: join(workDir, 'cache') },
    timeout: 60_000,
  });
  return program;
}

interface CountingProxy {
  readonly endpoint: string;
  /** How many requests with this method and path (query excluded) went through. */
  count(method: string, path: string): number;
  close(): Promise<void>;
}

/** Forwards every request to `target` as it came (the Host header included, so signatures hold) and counts them. */
async function countingProxy(target: string): Promise<CountingProxy> {
  const seen: string[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    seen.push(`${incoming.method} ${incoming.url!.split('?')[0]}`);
    const upstream = request(new URL(incoming.url!, target), { method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: (method, path) => seen.filter((entry) => entry === `${method} ${path}`).length,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

interface ReportedError {
  code: string;
  message: string;
  status: number;
}

interface GoReport {
  client: string;
  createDomain: { DomainName: string };
  getDomain: { DomainName: string; DefaultExpirationDays: number };
  profileIds: string[];
  objectTypeKeys: Record<string, { StandardIdentifiers: string[]; FieldNames: string[] }[]>;
  objectUniqueKeys: string[];
  listedObjects: number;
  searchByEmail: string[];
  mergeMessage: string;
  afterMerge: string[];
  tags: { tagged: Record<string, string>; untagged: Record<string, string> };
  iamUser: { allowedDomainName: string; denied: ReportedError };
  role: { arn: string; afterDelete: { code: string; status: number } };
  notImplemented: ReportedError | null;
  unmodelledError: ReportedError;
  deleteDomain: string;
}

interface Expected {
  readonly client: string;
  readonly domain: string;
  readonly notImplemented: string | undefined;
}

/** Checks the scenario report of the client-matrix scenario against the values every client must see. */
function assertGoReport(report: GoReport, expected: Expected): void {
  assert.equal(report.client, expected.client);
  assert.deepEqual(report.createDomain, { DomainName: expected.domain });
  assert.deepEqual(report.getDomain, { DomainName: expected.domain, DefaultExpirationDays: 30 });
  const [id1, id2] = report.profileIds;
  assert.equal(report.profileIds.length, 2);
  assert.match(id1!, /^[0-9a-f]{32}$/);
  assert.match(id2!, /^[0-9a-f]{32}$/);
  assert.notEqual(id1, id2);
  assert.deepEqual(report.objectTypeKeys, {
    _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }],
    order_id: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['order_id'] }],
  });
  assert.equal(new Set(report.objectUniqueKeys.filter((key) => key !== '')).size, 2, `two distinct object keys: ${report.objectUniqueKeys}`);
  assert.equal(report.listedObjects, 2);
  assert.deepEqual(report.searchByEmail, [id1]);
  assert.equal(report.mergeMessage, `Merged 1 profile into profile ${id1}`);
  assert.deepEqual(report.afterMerge, [id1], 'the merged profile is found by the e-mail address only id2 had');
  assert.deepEqual(report.tags, { tagged: { team: 'crm', env: 'test' }, untagged: { team: 'crm' } });
  assert.equal(report.iamUser.allowedDomainName, expected.domain);
  assert.equal(report.iamUser.denied.code, 'AccessDeniedException');
  assert.equal(report.iamUser.denied.status, 403);
  assert.match(report.iamUser.denied.message, /matrix-go-v1 is not authorized to perform: profile:DeleteDomain .* explicit deny/);
  assert.equal(report.role.arn, 'arn:aws:iam::000000000000:role/matrix-role-go-v1');
  assert.deepEqual(report.role.afterDelete, { code: 'NoSuchEntity', status: 404 });
  if (expected.notImplemented === undefined) {
    assert.equal(report.notImplemented, null);
  } else {
    assert.ok(report.notImplemented, `${expected.notImplemented} was called`);
    assert.equal(report.notImplemented.code, 'NotImplementedException');
    assert.equal(report.notImplemented.status, 400);
    // Go v1 takes an unmodelled code's message from X-Amzn-ErrorMessage only (issue #13, finding 3).
    assert.match(report.notImplemented.message, new RegExp(`\\b${expected.notImplemented}\\b.* not implemented`));
  }
  assert.equal(report.unmodelledError.code, 'InvalidSignatureException');
  assert.equal(report.unmodelledError.status, 403);
  assert.match(report.unmodelledError.message, /signature we calculated does not match/);
  assert.equal(report.deleteDomain, 'Domain Deleted');
}

describe('client matrix: AWS SDK for Go v1', { skip: inCi ? undefined : missing }, () => {
  const domain = `matrix-go-v1-${Date.now()}`;
  const notImplemented = NOT_IMPLEMENTED_CANDIDATES.find((name) => !(name in registry));
  let workDir: string;
  let program: string;
  let server: RunningServer;
  let proxy: CountingProxy;

  before(async () => {
    if (missing) throw new Error(`CI=true, so the Go v1 leg must run, but ${missing}`);
    workDir = mkdtempSync(join(tmpdir(), 'op-go-v1-'));
    program = await buildProgram(workDir);
    server = await startServer();
    proxy = await countingProxy(server.endpoint);
  });
  after(async () => {
    await proxy?.close();
    await server?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test(`runs the scenario and reports what the server says${notImplemented ? '' : ' (no unimplemented candidate left: that step is skipped)'}`, { timeout: 90_000 }, async () => {
    const { stdout } = await run(program, [], {
      env: {
        SCENARIO_ENDPOINT: proxy.endpoint,
        SCENARIO_ACCESS_KEY_ID: server.root.accessKeyId,
        SCENARIO_SECRET_ACCESS_KEY: server.root.secretAccessKey,
        SCENARIO_REGION: 'us-east-1',
        SCENARIO_DOMAIN: domain,
        SCENARIO_NOT_IMPLEMENTED: notImplemented ?? '',
      },
      timeout: 60_000,
    });
    if (notImplemented) {
      const path = operations[notImplemented].uri.replace('{DomainName}', domain);
      assert.equal(proxy.count(operations[notImplemented].method, path), 1, `${notImplemented} with the default retryer put one request on the wire`);
    }
    assertGoReport(JSON.parse(stdout) as GoReport, { client: `aws-sdk-go ${sdkVersion()}`, domain, notImplemented });
    await rejectsWith(server.client().send(new GetDomainCommand({ DomainName: domain })), 'ResourceNotFoundException', 404);
    const iam = iamClient(server);
    await rejectsWith(iam.send(new GetUserCommand({ UserName: `matrix-${CLIENT}` })), 'NoSuchEntityException', 404);
    await rejectsWith(iam.send(new GetRoleCommand({ RoleName: `matrix-role-${CLIENT}` })), 'NoSuchEntityException', 404);
  });
});
