// Test access to a PostgreSQL server: its admin URL from the environment, and throwaway databases.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The admin URL of a PostgreSQL where tests may create databases, or undefined when not configured. */
export function postgresAdminUrl(): string | undefined {
  const url = process.env['OPENPROFILES_TEST_DATABASE_URL'];
  return url === undefined || url.trim() === '' ? undefined : url;
}

/** Why PostgreSQL suites skip here, or undefined when they run (under CI=true they never skip: they fail). */
export function postgresSkipReason(): string | undefined {
  return postgresAdminUrl() === undefined && process.env['CI'] !== 'true' ? 'PostgreSQL not configured (OPENPROFILES_TEST_DATABASE_URL unset)' : undefined;
}

export interface TempDatabase {
  /** Connection URL of the new database (the admin URL with its database name replaced). */
  readonly url: string;
  /** Drops the database, disconnecting anyone still on it; safe to call twice. */
  drop(): Promise<void>;
}

export interface TempDatabaseOptions {
  /**
   * Create the database with this ICU locale (PostgreSQL 15+) instead of the server's
   * default collation, e.g. 'en-US' to prove that code does not depend on a C collation.
   */
  readonly icuLocale?: string;
}

export async function createTempDatabase(options: TempDatabaseOptions = {}): Promise<TempDatabase> {
  const adminUrl = postgresAdminUrl();
  if (adminUrl === undefined) throw new Error('OPENPROFILES_TEST_DATABASE_URL is not set');
  const name = `op_test_${randomBytes(8).toString('hex')}`;
  await adminQuery(adminUrl, `create database "${name}"${localeClause(options)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`),
  };
}

function localeClause({ icuLocale }: TempDatabaseOptions): string {
  if (icuLocale === undefined) return '';
  if (!/^[A-Za-z0-9_-]+$/.test(icuLocale)) throw new Error(`unexpected ICU locale ${icuLocale}`);
  return ` template template0 locale_provider icu icu_locale '${icuLocale}'`;
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
