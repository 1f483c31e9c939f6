// Runs many AWS CLI commands in one Python process: the driver module the `aws` executable runs
// (awscli.clidriver), called once per command. Each `aws` process costs about a second of CPU to
// start, which ninety commands cannot afford; the commands themselves are parsed, signed, sent and
// printed by the same CLI code. Falls back to one process per command when `aws` is not a Python
// script whose interpreter can import the driver.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const DRIVER = `
import contextlib, io, json, sys
from awscli.clidriver import create_clidriver
results = []
for argv in json.load(sys.stdin):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = create_clidriver().main(argv)
    results.append({'code': code, 'stdout': out.getvalue(), 'stderr': err.getvalue()})
sys.stdout.write(json.dumps(results))
`;

/** The Python interpreter of the `aws` script at `path`, if it is one. */
function interpreterOf(path: string): string | undefined {
  try {
    const first = readFileSync(path, 'utf8').split('\n', 1)[0] ?? '';
    return /^#!(\S*python\S*)\s*$/.exec(first)?.[1];
  } catch {
    return undefined;
  }
}

function runDriver(python: string, commands: readonly string[][], env: NodeJS.ProcessEnv): Promise<CliResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-c', DRIVER], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as CliResult[]);
      else reject(new Error(`the AWS CLI driver exited with ${code}: ${stderr}`));
    });
    child.stdin.end(JSON.stringify(commands));
  });
}

/** Runs each command (the arguments after `aws`) and returns their exit codes and output, in order. */
export async function runAwsCliBatch(aws: string, commands: readonly string[][], env: NodeJS.ProcessEnv): Promise<CliResult[]> {
  const path = aws.includes('/') ? aws : (await run('sh', ['-c', `command -v ${aws}`], { env })).stdout.trim();
  const python = interpreterOf(path);
  if (python) return runDriver(python, commands, env);
  return Promise.all(
    commands.map((args) =>
      run(path, args, { env }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
      ),
    ),
  );
}
