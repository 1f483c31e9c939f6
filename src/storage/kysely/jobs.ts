// The job queue repository, one SQL code path for both backends. A claim is a conditional update
// (still due, lease free or expired), so of two workers racing for one job exactly one wins.
import type { Kysely, Selectable } from 'kysely';
import type { JobRecord, JobRepository, JobStatus, JsonValue, NewJob, Scope } from '../ports.js';
import type { Database, JobsTable } from '../schema.js';
import { inScope, present, toMillis } from './rows.js';

export class KyselyJobRepository implements JobRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async enqueue(scope: Scope, job: NewJob): Promise<string> {
    if (job.dedupeKey !== undefined) {
      const existing = await this.#db
        .selectFrom('jobs')
        .select('id')
        .where((eb) => eb.and({ ...inScope(scope), kind: job.kind, dedupe_key: job.dedupeKey! }))
        .where('status', 'in', ['pending', 'running'])
        .executeTakeFirst();
      if (existing) return existing.id;
    }
    const at = toMillis(job.createdAt);
    await this.#db
      .insertInto('jobs')
      .values({
        id: job.id,
        ...inScope(scope),
        kind: job.kind,
        payload_json: JSON.stringify(job.payload),
        status: 'pending',
        run_at: toMillis(job.runAt),
        lease_owner: null,
        lease_expires_at: null,
        attempts: 0,
        last_error: null,
        dedupe_key: job.dedupeKey ?? null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return job.id;
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const row = await this.#db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async due(now: Date, kinds: readonly string[], limit: number): Promise<string[]> {
    if (kinds.length === 0) return [];
    const at = toMillis(now);
    const rows = await this.#db
      .selectFrom('jobs')
      .select('id')
      .where('kind', 'in', [...kinds])
      .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', at)]), eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', at)])]))
      .orderBy('run_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  async claim(id: string, owner: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const at = toMillis(now);
    const result = await this.#db
      .updateTable('jobs')
      .set((eb) => ({ status: 'running', lease_owner: owner, lease_expires_at: toMillis(leaseUntil), attempts: eb('attempts', '+', 1), updated_at: at }))
      .where('id', '=', id)
      .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', at)]), eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', at)])]))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async renew(id: string, owner: string, leaseUntil: Date): Promise<boolean> {
    const result = await this.#db
      .updateTable('jobs')
      .set({ lease_expires_at: toMillis(leaseUntil) })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async finish(id: string, owner: string, now: Date, rerunAt?: Date): Promise<boolean> {
    // A recurring job's next run starts its attempts afresh: they count failures in a row, not runs.
    const next = rerunAt === undefined ? { status: 'done', run_at: toMillis(now) } : { status: 'pending', run_at: toMillis(rerunAt), attempts: 0 };
    const result = await this.#db
      .updateTable('jobs')
      .set({ ...next, lease_owner: null, lease_expires_at: null, last_error: null, updated_at: toMillis(now) })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async fail(id: string, owner: string, now: Date, error: string, retryAt?: Date): Promise<boolean> {
    const next = retryAt === undefined ? { status: 'failed', run_at: toMillis(now) } : { status: 'pending', run_at: toMillis(retryAt) };
    const result = await this.#db
      .updateTable('jobs')
      .set({ ...next, lease_owner: null, lease_expires_at: null, last_error: error, updated_at: toMillis(now) })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}

function toRecord(row: Selectable<JobsTable>): JobRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    region: row.region,
    kind: row.kind,
    payload: JSON.parse(row.payload_json) as JsonValue,
    status: row.status as JobStatus,
    runAt: new Date(row.run_at),
    ...present('leaseOwner', row.lease_owner),
    ...present('leaseExpiresAt', row.lease_expires_at === null ? null : new Date(row.lease_expires_at)),
    attempts: row.attempts,
    ...present('lastError', row.last_error),
    ...present('dedupeKey', row.dedupe_key),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
