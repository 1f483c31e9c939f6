// The dead-letter repository: objects ingestion could not place, kept for an operator, one SQL code path.
import type { Kysely, Selectable } from 'kysely';
import type { Page, PageRequest, Scope } from '../ports.js';
import type { DeadLetterRecord, DeadLetterRepository } from '../object-ports.js';
import type { Database } from '../schema.js';
import type { DeadLettersTable } from '../object-schema.js';
import { inScope, pageFetchSize, toMillis, toPage } from './rows.js';

export class KyselyDeadLetterRepository implements DeadLetterRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async add(scope: Scope, domainName: string, letter: DeadLetterRecord): Promise<void> {
    await this.#db
      .insertInto('dead_letters')
      .values({
        ...inScope(scope),
        domain_name: domainName,
        dead_letter_id: letter.id,
        object_type_name: letter.objectTypeName,
        object_json: letter.object,
        reason: letter.reason,
        created_at: toMillis(letter.createdAt),
      })
      .execute();
  }

  async get(scope: Scope, domainName: string, id: string): Promise<DeadLetterRecord | undefined> {
    const row = await this.#db
      .selectFrom('dead_letters')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, dead_letter_id: id }))
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async list(scope: Scope, domainName: string, page: PageRequest): Promise<Page<DeadLetterRecord>> {
    let query = this.#db
      .selectFrom('dead_letters')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .orderBy('dead_letter_id')
      .limit(pageFetchSize(page));
    if (page.after !== undefined) query = query.where('dead_letter_id', '>', page.after);
    const rows = await query.execute();
    return toPage(rows, page, toRecord, (letter) => letter.id);
  }
}

function toRecord(row: Selectable<DeadLettersTable>): DeadLetterRecord {
  return {
    id: row.dead_letter_id,
    objectTypeName: row.object_type_name,
    object: row.object_json,
    reason: row.reason,
    createdAt: new Date(Number(row.created_at)),
  };
}
