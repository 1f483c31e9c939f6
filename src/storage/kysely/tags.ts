// The tag repository, one SQL code path for both backends.
import type { Kysely } from 'kysely';
import type { Scope, TagRepository, Tags } from '../ports.js';
import type { Database } from '../schema.js';
import { inScope } from './rows.js';

/** Bound parameters per IN list; far below SQLite's 32766 and PostgreSQL's 65535. */
const IN_LIST_CHUNK = 500;

export class KyselyTagRepository implements TagRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async get(scope: Scope, resourceArn: string): Promise<Tags> {
    const rows = await this.#db
      .selectFrom('tags')
      .select(['tag_key', 'tag_value'])
      .where((eb) => eb.and(inScope(scope)))
      .where('resource_arn', '=', resourceArn)
      .orderBy('tag_key')
      .execute();
    // fromEntries defines own properties, so a key such as "__proto__" stays an ordinary tag.
    return Object.fromEntries(rows.map((row) => [row.tag_key, row.tag_value]));
  }

  async getMany(scope: Scope, resourceArns: readonly string[]): Promise<Map<string, Tags>> {
    const entries = new Map<string, Array<[string, string]>>();
    for (const chunk of chunks([...new Set(resourceArns)], IN_LIST_CHUNK)) {
      const rows = await this.#db
        .selectFrom('tags')
        .select(['resource_arn', 'tag_key', 'tag_value'])
        .where((eb) => eb.and(inScope(scope)))
        .where('resource_arn', 'in', chunk)
        .orderBy('resource_arn')
        .orderBy('tag_key')
        .execute();
      for (const row of rows) {
        const list = entries.get(row.resource_arn) ?? [];
        list.push([row.tag_key, row.tag_value]);
        entries.set(row.resource_arn, list);
      }
    }
    return new Map([...entries].map(([arn, list]) => [arn, Object.fromEntries(list)]));
  }

  async put(scope: Scope, resourceArn: string, tags: Tags): Promise<void> {
    const values = Object.entries(tags).map(([key, value]) => ({
      ...inScope(scope),
      resource_arn: resourceArn,
      tag_key: key,
      tag_value: value,
    }));
    if (values.length === 0) return;
    await this.#db
      .insertInto('tags')
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(['account_id', 'region', 'resource_arn', 'tag_key'])
          .doUpdateSet((eb) => ({ tag_value: eb.ref('excluded.tag_value') })),
      )
      .execute();
  }

  async remove(scope: Scope, resourceArn: string, keys: readonly string[]): Promise<void> {
    for (const chunk of chunks([...new Set(keys)], IN_LIST_CHUNK)) {
      await this.#db
        .deleteFrom('tags')
        .where((eb) => eb.and(inScope(scope)))
        .where('resource_arn', '=', resourceArn)
        .where('tag_key', 'in', chunk)
        .execute();
    }
  }

  async removeUnder(scope: Scope, arnPrefix: string): Promise<void> {
    // ARNs under the prefix are exactly those in [prefix + '/', prefix + '0'): '0' is the
    // code point after '/', and key columns sort by code point on both backends (see
    // migrations/column-types.ts). Unlike LIKE, this needs no escaping, is case-sensitive
    // on SQLite too, and can use the primary key.
    await this.#db
      .deleteFrom('tags')
      .where((eb) => eb.and(inScope(scope)))
      .where((eb) =>
        eb.or([
          eb('resource_arn', '=', arnPrefix),
          eb.and([eb('resource_arn', '>=', `${arnPrefix}/`), eb('resource_arn', '<', `${arnPrefix}0`)]),
        ]),
      )
      .execute();
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
