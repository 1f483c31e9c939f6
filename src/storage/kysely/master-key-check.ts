// The master-key check value, one SQL code path for both backends.
import type { Kysely } from 'kysely';
import type { MasterKeyCheckRepository } from '../ports.js';
import type { Database } from '../schema.js';
import { toMillis } from './rows.js';

const NAME = 'master-key';

export class KyselyMasterKeyCheckRepository implements MasterKeyCheckRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async get(): Promise<string | undefined> {
    const row = await this.#db.selectFrom('master_key_check').select('sealed_value').where('name', '=', NAME).executeTakeFirst();
    return row?.sealed_value;
  }

  async putIfAbsent(sealed: string, createdAt: Date): Promise<void> {
    await this.#db
      .insertInto('master_key_check')
      .values({ name: NAME, sealed_value: sealed, created_at: toMillis(createdAt) })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
}
