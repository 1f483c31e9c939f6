// `openprofiles dead-letters list --domain D`: the objects ingestion could not place (spec §3.4 step 5.3),
// one JSON line each, oldest first, read from the same data as a running server.
import { readConfig, type ServeOptions } from '../config.js';
import { createContainer } from '../container.js';

const PAGE = 500;

export async function listDeadLetters(options: ServeOptions & { domain: string }): Promise<void> {
  const config = readConfig(options);
  const container = await createContainer(config);
  try {
    const scope = { accountId: config.accountId, region: config.region };
    let after: string | undefined;
    do {
      const page = await container.services.profileObjects.deadLetters(scope, options.domain, PAGE, after);
      for (const letter of page.items) {
        const line = { Id: letter.id, ObjectTypeName: letter.objectTypeName, Reason: letter.reason, CreatedAt: letter.createdAt.toISOString(), Object: letter.object };
        process.stdout.write(JSON.stringify(line) + '\n');
      }
      after = page.nextAfter;
    } while (after !== undefined);
  } finally {
    await container.close();
  }
}
