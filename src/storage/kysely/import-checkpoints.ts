// The bulk-import checkpoint repository, one SQL code path for both backends.
import type { Kysely } from 'kysely';
import type { ImportCheckpoint, ImportCheckpointRepository, Scope } from '../ports.js';
import type { Database } from '../schema.js';
import { inScope, toMillis } from './rows.js';

export class KyselyImportCheckpointRepository implements ImportCheckpointRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async get(scope: Scope, importId: string): Promise<ImportCheckpoint | undefined> {
    const row = await this.#db
      .selectFrom('import_checkpoints')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), import_id: importId }))
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      importId: row.import_id,
      domainName: row.domain_name,
      position: Number(row.position),
      imported: Number(row.imported),
      rejected: Number(row.rejected),
      updatedAt: new Date(Number(row.updated_at)),
    };
  }

  async put(scope: Scope, checkpoint: ImportCheckpoint): Promise<void> {
    const values = {
      position: checkpoint.position,
      imported: checkpoint.imported,
      rejected: checkpoint.rejected,
      updated_at: toMillis(checkpoint.updatedAt),
    };
    await this.#db
      .insertInto('import_checkpoints')
      .values({ ...inScope(scope), import_id: checkpoint.importId, domain_name: checkpoint.domainName, ...values })
      .onConflict((conflict) => conflict.columns(['account_id', 'region', 'import_id']).doUpdateSet(values))
      .execute();
  }

  async deleteAllInDomain(scope: Scope, domainName: string): Promise<void> {
    await this.#db.deleteFrom('import_checkpoints').where((eb) => eb.and({ ...inScope(scope), domain_name: domainName })).execute();
  }
}
