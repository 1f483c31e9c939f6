// Helpers shared by the IAM repositories: the case-insensitive name key, and the account filter.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { IamEntityRef } from '../ports.js';

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
