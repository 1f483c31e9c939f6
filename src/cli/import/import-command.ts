// `openprofiles import --domain D --object-type T FILE`: streams a file's records through the same
// ingestion path as PutProfileObject, reports rejects with reasons, and checkpoints so that a rerun after
// an interruption resumes where the last checkpoint stands (records after it are sent again and replace
// their own earlier copy through their UNIQUE key, so each record is held once).
import { createHash } from 'node:crypto';
import { createWriteStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readConfig, type ServeOptions } from '../../config.js';
import { createContainer } from '../../container.js';
import { BadRequestException } from '../../generated/errors.js';
import type { ImportCheckpoint, Scope } from '../../storage/ports.js';
import { Progress } from './progress.js';
import { formatOf, readRecords } from './read-records.js';

export interface ImportOptions extends ServeOptions {
  domain: string;
  objectType: string;
  format?: string;
  rejects?: string;
  checkpointEvery?: string;
  /** Stop (with a checkpoint) after this many records in this run. */
  limit?: string;
}

const DEFAULT_CHECKPOINT_EVERY = 500;

/** The same file (path, size, modification time) into the same object type is the same import. */
function importIdOf(file: string, objectType: string): string {
  const stat = statSync(file);
  return createHash('sha256').update(`${resolve(file)}\0${stat.size}\0${stat.mtimeMs}\0${objectType}`).digest('hex').slice(0, 32);
}

export async function importFile(file: string, options: ImportOptions): Promise<void> {
  const config = readConfig({ ...options, logLevel: options.logLevel ?? 'warn' });
  const container = await createContainer(config);
  const scope: Scope = { accountId: config.accountId, region: config.region };
  const every = Number(options.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY);
  const limit = options.limit === undefined ? Number.POSITIVE_INFINITY : Number(options.limit);
  const rejectsOut = options.rejects ? createWriteStream(options.rejects, { flags: 'a' }) : undefined;
  try {
    await container.services.domains.require(scope, options.domain);
    const importId = importIdOf(file, options.objectType);
    const saved = await container.store.importCheckpoints.get(scope, importId);
    let state: ImportCheckpoint = saved ?? { importId, domainName: options.domain, position: 0, imported: 0, rejected: 0, updatedAt: new Date() };
    if (saved) process.stderr.write(`resuming at record ${saved.position} (${saved.imported} imported, ${saved.rejected} rejected before)\n`);
    const totalBytes = statSync(file).size;
    const { records, bytesRead } = readRecords(file, formatOf(file, options.format));
    const progress = new Progress(process.stderr, state.position);
    const checkpoint = async () => {
      state = { ...state, updatedAt: new Date() };
      await container.store.importCheckpoints.put(scope, state);
    };
    const startedAt = state.position;
    for await (const record of records) {
      if (record.index < state.position) continue;
      if (state.position - startedAt >= limit) break;
      try {
        await container.services.ingestion.putObject(scope, options.domain, options.objectType, record.text);
        state = { ...state, imported: state.imported + 1 };
      } catch (error) {
        if (!(error instanceof BadRequestException)) throw error;
        state = { ...state, rejected: state.rejected + 1 };
        const line = JSON.stringify({ record: record.index, reason: error.message });
        if (rejectsOut) rejectsOut.write(line + '\n');
        else process.stderr.write(`rejected: ${line}\n`);
      }
      state = { ...state, position: record.index + 1 };
      if (state.position % every === 0) await checkpoint();
      progress.update({ done: state.position, rejected: state.rejected, bytesRead: bytesRead(), totalBytes });
    }
    await checkpoint();
    progress.finish({ done: state.position, rejected: state.rejected, bytesRead: totalBytes, totalBytes });
    process.stdout.write(JSON.stringify({ Imported: state.imported, Rejected: state.rejected, Records: state.position }) + '\n');
  } finally {
    rejectsOut?.end();
    await container.close();
  }
}
