// Migration 0021: a temporary key keeps the SHA-256 of its session token, never the token: a copy of the
// database (a backup, a leaked file) must not hold working session credentials.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

interface Before {
  access_keys: { access_key_id: string; session_token: string | null; session_token_sha256: string | null };
}

export async function up(raw: Kysely<unknown>, _types: ColumnTypes): Promise<void> {
  const db = raw as Kysely<Before>;
  await db.schema.alterTable('access_keys').addColumn('session_token_sha256', 'text').execute();
  const rows = await db.selectFrom('access_keys').select(['access_key_id', 'session_token']).where('session_token', 'is not', null).execute();
  for (const row of rows) {
    const digest = createHash('sha256').update(row.session_token!, 'utf8').digest('hex');
    await db.updateTable('access_keys').set({ session_token_sha256: digest }).where('access_key_id', '=', row.access_key_id).execute();
  }
  await db.schema.alterTable('access_keys').dropColumn('session_token').execute();
}
