// Helpers shared by the IAM repositories: the case-insensitive name key, and the account filter.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { IamEntityRef } from '../ports.js';
import type { Database } from '../schema.js';

/** IAM names are unique without regard to case; rows key on the lower-cased name. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/** The columns that name an entity in iam_tags, iam_inline_policies and iam_attachments. */
export function entityColumns(accountId: string, entity: IamEntityRef): { account_id: string; entity_kind: string; entity_key: string } {
  return { account_id: accountId, entity_kind: entity.kind, entity_key: nameKey(entity.name) };
}

/** `path` starts with the prefix, compared as text (no LIKE, so `_` and `%` in a path are plain). */
export function pathStartsWith(prefix: string): Expression<SqlBool> {
  return sql<SqlBool>`substr(path, 1, ${prefix.length}) = ${prefix}`;
}

/** Moves an entity's tags, inline policies and attachments to its new name (UpdateUser, UpdateGroup). */
export async function renameEntityRows(db: Kysely<Database>, accountId: string, entity: IamEntityRef, newName: string): Promise<void> {
  const from = nameKey(entity.name);
  const to = nameKey(newName);
  for (const table of ['iam_tags', 'iam_inline_policies', 'iam_attachments'] as const) {
    await db.updateTable(table).set({ entity_key: to }).where('account_id', '=', accountId).where('entity_kind', '=', entity.kind).where('entity_key', '=', from).execute();
  }
}
