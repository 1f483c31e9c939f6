// `openprofiles serve`: start the server, print where it listens, drain and close cleanly on SIGTERM/SIGINT.
import { readConfig, type ServeOptions } from '../config.js';
import { createContainer } from '../container.js';
import { buildApp } from '../server/app.js';
import { ConnectionGuard } from '../server/edge/connection-guard.js';
import { bootstrapRootKey } from './bootstrap-root.js';

export async function serve(options: ServeOptions): Promise<void> {
  const config = readConfig(options);
  const container = await createContainer(config);
  const print = (line: string) => process.stdout.write(line + '\n');
  await bootstrapRootKey(container, print);
  const connections = new ConnectionGuard(config.edge);
  const app = buildApp(container, { connections });
  await app.listen({ host: config.host, port: config.port });
  container.jobs.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const endpoint = `http://${host}:${port}`;
  const where = config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
  print(`OpenProfiles listening on ${endpoint} (account ${config.accountId}, ${where})`);
  print(`Point any AWS SDK or the AWS CLI at it: aws customer-profiles list-domains --endpoint-url ${endpoint} --region ${config.region}`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    container.log.info({ signal }, 'draining requests and closing');
    // Requests being answered get up to the drain time; connections that are idle, still sending or stalled
    // have nothing to wait for and are closed now.
    const closed = app.close();
    connections.closeUnanswered();
    const deadline = setTimeout(() => connections.closeAll(), config.edge.drainMs);
    deadline.unref();
    try {
      await closed;
      clearTimeout(deadline);
      await container.close();
      process.exit(0);
    } catch (error) {
      container.log.error({ err: error }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
