// Tags of IAM users and roles, one SQL code path for both backends.
import type { Kysely } from 'kysely';
import type { IamEntityRef, IamTagRepository, Tags } from '../ports.js';
import type { Database } from '../schema.js';
import { entityColumns } from './iam-keys.js';
import { chunks, IN_LIST_CHUNK } from './rows.js';

export class KyselyIamTagRepository implements IamTagRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async get(accountId: string, entity: IamEntityRef): Promise<Tags> {
    const rows = await this.#db
      .selectFrom('iam_tags')
      .select(['tag_key', 'tag_value'])
      .where((eb) => eb.and(entityColumns(accountId, entity)))
      .orderBy('tag_key')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.tag_key, row.tag_value]));
  }

  async put(accountId: string, entity: IamEntityRef, tags: Tags): Promise<void> {
    const values = Object.entries(tags).map(([key, value]) => ({ ...entityColumns(accountId, entity), tag_key: key, tag_value: value }));
    if (values.length === 0) return;
    await this.#db
      .insertInto('iam_tags')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['account_id', 'entity_kind', 'entity_key', 'tag_key']).doUpdateSet((eb) => ({ tag_value: eb.ref('excluded.tag_value') })),
      )
      .execute();
  }

  async remove(accountId: string, entity: IamEntityRef, keys: readonly string[]): Promise<void> {
    for (const chunk of chunks([...new Set(keys)], IN_LIST_CHUNK)) {
      await this.#db
        .deleteFrom('iam_tags')
        .where((eb) => eb.and(entityColumns(accountId, entity)))
        .where('tag_key', 'in', chunk)
        .execute();
    }
  }

  async removeAll(accountId: string, entity: IamEntityRef): Promise<void> {
    await this.#db.deleteFrom('iam_tags').where((eb) => eb.and(entityColumns(accountId, entity))).execute();
  }
}
