// The account repository, one SQL code path for both backends.
import type { Kysely, Selectable } from 'kysely';
import type { AccountRecord, AccountRepository } from '../ports.js';
import type { AccountsTable, Database } from '../schema.js';
import { toMillis } from './rows.js';

export class KyselyAccountRepository implements AccountRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(accountId: string, createdAt: Date): Promise<AccountRecord> {
    await this.#db.insertInto('accounts').values({ account_id: accountId, created_at: toMillis(createdAt) }).execute();
    return { accountId, createdAt: new Date(toMillis(createdAt)) };
  }

  async get(accountId: string): Promise<AccountRecord | undefined> {
    const row = await this.#db.selectFrom('accounts').selectAll().where('account_id', '=', accountId).executeTakeFirst();
    return row && toRecord(row);
  }

  async list(): Promise<AccountRecord[]> {
    const rows = await this.#db.selectFrom('accounts').selectAll().orderBy('account_id').execute();
    return rows.map(toRecord);
  }
}

function toRecord(row: Selectable<AccountsTable>): AccountRecord {
  return { accountId: row.account_id, createdAt: new Date(row.created_at) };
}
