// How the AWS CLI v2 leg runs `aws`: forked from a process that imported the CLI once (fork-server.py) when `aws` is a
// Python script, as Debian's is; one `aws` process per call otherwise (e.g. the installer's frozen binary).
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '../scenario.js';

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface AwsRunner {
  run(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Outcome>;
  close(): void;
}

const CALL_TIMEOUT_MS = 20_000;

/** One `aws` process per call. */
export function processRunner(aws: string): AwsRunner {
  return {
    run: (args, env) =>
      new Promise((resolve) => {
        execFile(aws, [...args], { env, timeout: CALL_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
        });
      }),
    close: () => {},
  };
}

/** One fork server: answers its requests in order. */
function forkWorker(python: string): AwsRunner {
  const child: ChildProcessWithoutNullStreams = spawn(python, [join(repoRoot(), 'test', 'clients', 'aws-cli-v2', 'fork-server.py')], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const waiting: Array<{ resolve: (outcome: Outcome) => void; reject: (error: Error) => void }> = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.resolve(JSON.parse(line) as Outcome));
  child.once('exit', (code) => {
    for (const call of waiting.splice(0)) call.reject(new Error(`the aws fork server exited with ${code}:\n${errors}`));
  });
  return {
    run: (args, env) =>
      new Promise<Outcome>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`aws ${args.join(' ')} took over ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS);
        waiting.push({ resolve: (outcome) => (clearTimeout(timer), resolve(outcome)), reject: (error) => (clearTimeout(timer), reject(error)) });
        child.stdin.write(JSON.stringify({ args, env }) + '\n');
      }),
    close: () => {
      child.stdin.end();
      child.kill();
    },
  };
}

/** Calls go to the worker with the fewest waiting, so the scenario's independent chains run side by side. */
function forkRunner(python: string, workers: number): AwsRunner {
  const pool = Array.from({ length: workers }, () => ({ worker: forkWorker(python), busy: 0 }));
  return {
    run: async (args, env) => {
      const slot = pool.reduce((least, next) => (next.busy < least.busy ? next : least));
      slot.busy++;
      try {
        return await slot.worker.run(args, env);
      } finally {
        slot.busy--;
      }
    },
    close: () => pool.forEach((slot) => slot.worker.close()),
  };
}

/** The interpreter of a Python `aws` script (its #! line), or undefined. */
function pythonOf(aws: string): string | undefined {
  try {
    return /^#!\s*(\S*python[\d.]*)\s*$/m.exec(readFileSync(aws, 'utf8').split('\n', 1)[0]!)?.[1];
  } catch {
    return undefined;
  }
}

export function awsRunner(aws: string, workers = 4): AwsRunner {
  const python = pythonOf(aws);
  return python ? forkRunner(python, workers) : processRunner(aws);
}
