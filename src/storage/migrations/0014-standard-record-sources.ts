// Migration 0014: where each value of a standard-object record (`_asset`, `_order`…) came from, so that
// object types writing the same record respect each other's SourcePriority as they do on the profile.
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, _types: ColumnTypes): Promise<void> {
  // NULL for ingested objects and for records written before this migration (no value held against anyone).
  await db.schema.alterTable('profile_objects').addColumn('sources_json', 'text').execute();
}
