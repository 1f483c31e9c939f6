// `openprofiles import --domain D --object-type T FILE`: streams a file's records through the same
// ingestion path as PutProfileObject, a batch per transaction, reports rejects with reasons, and commits a
// checkpoint with every batch, so a rerun after an interruption goes on exactly where the last batch ended
// (into the same domain, not one deleted and re-created since).
import { createHash } from 'node:crypto';
import { createWriteStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readConfig, type ServeOptions } from '../../config.js';
import { createContainer } from '../../container.js';
import type { BatchOutcome } from '../../domain/ingestion/ingestion-service.js';
import type { DomainRecord, ImportCheckpoint, Scope } from '../../storage/ports.js';
import { Progress } from './progress.js';
import { formatOf, readRecords, type FileRecord } from './read-records.js';

export interface ImportOptions extends ServeOptions {
  domain: string;
  objectType: string;
  format?: string;
  rejects?: string;
  /** Records per batch (one transaction, one checkpoint). */
  batchSize?: string;
  /** Stop after this many records in this run. */
  limit?: string;
}

/** Large enough that the commit's sync and the batch's read-ahead are paid rarely; a few MiB of records. */
const DEFAULT_BATCH_SIZE = 2000;

/**
 * The same file (path, size, modification time) into the same object type of the same domain is the same
 * import. The domain is named with its creation time: one deleted and re-created under its name is another
 * domain, which holds none of the records an earlier import wrote.
 */
function importIdOf(file: string, objectType: string, domain: DomainRecord): string {
  const stat = statSync(file);
  const target = `${objectType}\0${domain.name}\0${domain.createdAt.getTime()}`;
  return createHash('sha256').update(`${resolve(file)}\0${stat.size}\0${stat.mtimeMs}\0${target}`).digest('hex').slice(0, 32);
}

/** What this run did, and (when it resumed) what the earlier runs had done before it. */
function summary(state: ImportCheckpoint, saved: ImportCheckpoint | undefined): Record<string, unknown> {
  const earlier = { Imported: saved?.imported ?? 0, Rejected: saved?.rejected ?? 0, Records: saved?.position ?? 0 };
  const thisRun = { Imported: state.imported - earlier.Imported, Rejected: state.rejected - earlier.Rejected, Records: state.position - earlier.Records };
  return saved ? { ...thisRun, Earlier: earlier } : thisRun;
}

/** The checkpoint after a batch: where the next record starts, and the running counts. */
function advance(state: ImportCheckpoint, batch: readonly FileRecord[], outcomes: readonly BatchOutcome[]): ImportCheckpoint {
  const rejected = outcomes.filter((outcome) => !outcome.ok).length;
  return {
    ...state,
    position: batch.at(-1)!.index + 1,
    imported: state.imported + outcomes.length - rejected,
    rejected: state.rejected + rejected,
    updatedAt: new Date(),
  };
}

export async function importFile(file: string, options: ImportOptions): Promise<void> {
  const config = readConfig({ ...options, logLevel: options.logLevel ?? 'warn' });
  const container = await createContainer(config);
  const scope: Scope = { accountId: config.accountId, region: config.region };
  const batchSize = Number(options.batchSize ?? DEFAULT_BATCH_SIZE);
  const limit = options.limit === undefined ? Number.POSITIVE_INFINITY : Number(options.limit);
  const rejectsOut = options.rejects ? createWriteStream(options.rejects, { flags: 'a' }) : undefined;
  const reject = (line: string) => (rejectsOut ? rejectsOut.write(line + '\n') : process.stderr.write(`rejected: ${line}\n`));
  try {
    const domain = await container.services.domains.require(scope, options.domain);
    const importId = importIdOf(file, options.objectType, domain);
    const saved = await container.store.importCheckpoints.get(scope, importId);
    let state: ImportCheckpoint = saved ?? { importId, domainName: options.domain, position: 0, imported: 0, rejected: 0, updatedAt: new Date() };
    if (saved) process.stderr.write(`resuming at record ${saved.position} (${saved.imported} imported, ${saved.rejected} rejected before)\n`);
    const totalBytes = statSync(file).size;
    const { records, bytesRead } = readRecords(file, formatOf(file, options.format));
    const progress = new Progress(process.stderr, state.position);
    const startedAt = state.position;
    let batch: FileRecord[] = [];

    const flush = async () => {
      if (batch.length === 0) return;
      const outcomes = await container.services.ingestion.putObjects(scope, options.domain, options.objectType, batch.map((record) => record.text), (repos, results) =>
        repos.importCheckpoints.put(scope, advance(state, batch, results)),
      );
      outcomes.forEach((outcome, i) => {
        if (!outcome.ok) reject(JSON.stringify({ record: batch[i]!.index, reason: outcome.error.message }));
      });
      state = advance(state, batch, outcomes);
      batch = [];
      progress.update({ done: state.position, rejected: state.rejected, bytesRead: bytesRead(), totalBytes });
    };

    for await (const record of records) {
      if (record.index < state.position) continue;
      if (record.index - startedAt >= limit) break;
      batch.push(record);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    progress.finish({ done: state.position, rejected: state.rejected, bytesRead: totalBytes, totalBytes });
    process.stdout.write(JSON.stringify(summary(state, saved)) + '\n');
  } finally {
    rejectsOut?.end();
    await container.close();
  }
}
