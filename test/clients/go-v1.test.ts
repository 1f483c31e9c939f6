// Client matrix, Go v1 leg: builds test/clients/go-v1 against Debian's aws-sdk-go (GOPATH mode, offline),
// runs the scenario through it against a real server behind a request-counting proxy, and checks the report.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describeLeg, repoRoot, runScenarioProgram, type ScenarioError, type ScenarioReport } from './scenario.js';

const run = promisify(execFile);
const GOPATH = '/usr/share/gocode';
const SDK_VERSION_FILE = join(GOPATH, 'src/github.com/aws/aws-sdk-go/aws/version.go');
const CLIENT = 'go-v1';

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

/** The Go program adds one key to the shared report: an error whose code Go v1 does not model for GetDomain. */
interface GoReport extends ScenarioReport {
  readonly unmodelledError: ScenarioError;
}

let workDir = '';
let program = '';

describeLeg<GoReport>({
  title: 'AWS SDK for Go v1',
  leg: CLIENT,
  clientName: 'aws-sdk-go',
  ...(!inCi && missing && { skip: missing }),
  timeoutMs: 90_000,
  prepare: async () => {
    if (missing) throw new Error(`CI=true, so the Go v1 leg must run, but ${missing}`);
    workDir = mkdtempSync(join(tmpdir(), 'op-go-v1-'));
    program = await buildProgram(workDir);
  },
  cleanUp: () => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  },
  run: (env) => runScenarioProgram(program, [], env, 60_000) as Promise<GoReport>,
  check: (report, notImplemented) => {
    assert.equal(report.client, `aws-sdk-go ${sdkVersion()}`);
    // Go v1 takes an unmodelled code's message from X-Amzn-ErrorMessage only (issue #13, finding 3).
    if (notImplemented) assert.match(report.notImplemented?.message ?? '', new RegExp(`\\b${notImplemented}\\b.* not implemented`));
    assert.equal(report.unmodelledError.code, 'InvalidSignatureException');
    assert.equal(report.unmodelledError.status, 403);
    assert.match(report.unmodelledError.message ?? '', /signature we calculated does not match/);
  },
});
