// Starts a child process that prints "listening on http://…", and stops it.
import { spawn } from 'node:child_process';

export interface Child {
  readonly endpoint: string;
  readonly pid: number;
  output(): string;
  stop(): Promise<void>;
}

export async function startListening(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Child> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening on" within 60 s:\n${text}`)), 60_000);
    child.stdout.on('data', () => {
      const found = /listening on (http:\/\/\S+)/.exec(text);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${text}`)));
  });
  return {
    endpoint,
    pid: child.pid ?? 0,
    output: () => text,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The environment a benchmark's server runs in: quiet, and on its data dir's own root key and store. */
export function serverEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENPROFILES_LOG_LEVEL: 'warn' };
  delete env['OPENPROFILES_ROOT_ACCESS_KEY_ID'];
  delete env['OPENPROFILES_ROOT_SECRET_ACCESS_KEY'];
  delete env['OPENPROFILES_DATABASE_URL'];
  return env;
}
