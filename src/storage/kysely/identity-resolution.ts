// The identity-resolution repository (jobs, match groups, the profile scan a job reads), one SQL path for both backends.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type {
  IdentityResolutionJobRecord,
  IdentityResolutionJobStatus,
  IdentityResolutionRepository,
  JsonObject,
  JsonValue,
  MatchGroupRecord,
  Page,
  PageRequest,
  ProfileDocumentRow,
  Scope,
} from '../ports.js';
import type { Database, IdentityResolutionJobsTable, MatchGroupsTable } from '../schema.js';
import { chunks, inScope, pageFetchSize, present, toMillis, toPage } from './rows.js';

const INSERT_CHUNK = 200;
const DELETE_CHUNK = 500;

/** The job whose match groups the domain currently shows, as a subquery. */
function currentJobOf(eb: ExpressionBuilder<Database, 'match_groups'>, scope: Scope, domainName: string) {
  return eb
    .selectFrom('current_match_jobs')
    .select('current_match_jobs.job_id')
    .where('current_match_jobs.account_id', '=', scope.accountId)
    .where('current_match_jobs.region', '=', scope.region)
    .where('current_match_jobs.domain_name', '=', domainName);
}

export class KyselyIdentityResolutionRepository implements IdentityResolutionRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async putJob(scope: Scope, record: IdentityResolutionJobRecord): Promise<void> {
    const row = toJobRow(scope, record);
    const { account_id: _a, region: _r, domain_name: _d, job_id: _j, created_at: _c, ...changes } = row;
    await this.#db
      .insertInto('identity_resolution_jobs')
      .values(row)
      .onConflict((conflict) => conflict.columns(['account_id', 'region', 'domain_name', 'job_id']).doUpdateSet(changes))
      .execute();
  }

  async getJob(scope: Scope, domainName: string, jobId: string): Promise<IdentityResolutionJobRecord | undefined> {
    const row = await this.#db
      .selectFrom('identity_resolution_jobs')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, job_id: jobId }))
      .executeTakeFirst();
    return row && toJobRecord(row);
  }

  async listJobs(scope: Scope, domainName: string, page: PageRequest): Promise<Page<IdentityResolutionJobRecord>> {
    let query = this.#db
      .selectFrom('identity_resolution_jobs')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .orderBy('created_at', 'desc')
      .orderBy('job_id', 'desc')
      .limit(pageFetchSize(page));
    if (page.after !== undefined) {
      const [millis, jobId] = parseJobCursor(page.after);
      query = query.where((eb) => eb.or([eb('created_at', '<', millis), eb.and([eb('created_at', '=', millis), eb('job_id', '<', jobId)])]));
    }
    return toPage(await query.execute(), page, toJobRecord, (record) => `${record.createdAt.getTime()}:${record.jobId}`);
  }

  async deletePendingJobs(scope: Scope, domainName: string): Promise<number> {
    const result = await this.#db
      .deleteFrom('identity_resolution_jobs')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, status: 'PENDING' }))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async profileDocuments(scope: Scope, domainName: string, page: PageRequest): Promise<Page<ProfileDocumentRow>> {
    let query = this.#db
      .selectFrom('profiles')
      .select(['profile_id', 'fields_json'])
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .orderBy('profile_id')
      .limit(pageFetchSize(page));
    if (page.after !== undefined) query = query.where('profile_id', '>', page.after);
    const rows = await query.execute();
    return toPage(rows, page, (row) => ({ profileId: row.profile_id, fields: JSON.parse(row.fields_json) as JsonObject }), (row) => row.profileId);
  }

  async replaceMatches(scope: Scope, domainName: string, jobId: string, groups: readonly MatchGroupRecord[]): Promise<void> {
    const domain = { ...inScope(scope), domain_name: domainName };
    for (const chunk of chunks(groups, INSERT_CHUNK)) {
      await this.#db
        .insertInto('match_groups')
        .values(
          chunk.map((group) => ({
            ...domain,
            match_id: group.matchId,
            job_id: jobId,
            profile_ids_json: JSON.stringify(group.profileIds),
            confidence_score: group.confidenceScore,
            generated_at: toMillis(group.generatedAt),
          })),
        )
        .execute();
      await nextTurn(); // SQLite runs synchronously: let requests in between the chunks of a large job
    }
    await this.#db
      .insertInto('current_match_jobs')
      .values({ ...domain, job_id: jobId })
      .onConflict((conflict) => conflict.columns(['account_id', 'region', 'domain_name']).doUpdateSet({ job_id: jobId }))
      .execute();
    // Whatever is not the current set: the previous job's groups, and those of a job that died midway.
    const replaced = await this.#db
      .selectFrom('match_groups')
      .select('job_id')
      .distinct()
      .where((eb) => eb.and(domain))
      .where((eb) => eb('job_id', '<>', currentJobOf(eb, scope, domainName)))
      .execute();
    for (const { job_id: replacedJob } of replaced) {
      for (;;) {
        const stale = await this.#db
          .selectFrom('match_groups')
          .select('match_id')
          .where((eb) => eb.and({ ...domain, job_id: replacedJob }))
          .limit(DELETE_CHUNK)
          .execute();
        if (stale.length === 0) break;
        await this.#db
          .deleteFrom('match_groups')
          .where((eb) => eb.and(domain))
          .where('match_id', 'in', stale.map((row) => row.match_id))
          .execute();
        await nextTurn();
      }
    }
  }

  async listMatches(scope: Scope, domainName: string, page: PageRequest): Promise<Page<MatchGroupRecord>> {
    let query = this.#currentGroups(scope, domainName).orderBy('match_id').limit(pageFetchSize(page));
    if (page.after !== undefined) query = query.where('match_id', '>', page.after);
    return toPage(await query.execute(), page, toMatchRecord, (record) => record.matchId);
  }

  async getMatch(scope: Scope, domainName: string, matchId: string): Promise<MatchGroupRecord | undefined> {
    const row = await this.#currentGroups(scope, domainName).where('match_id', '=', matchId).executeTakeFirst();
    return row && toMatchRecord(row);
  }

  async matchOf(scope: Scope, domainName: string, profileId: string): Promise<MatchGroupRecord | undefined> {
    // The groups store their ids as a JSON list: a LIKE finds the candidates, the parsed list decides.
    const rows = await this.#currentGroups(scope, domainName).where('profile_ids_json', 'like', `%"${profileId}"%`).orderBy('match_id').execute();
    return rows.map(toMatchRecord).find((group) => group.profileIds.includes(profileId));
  }

  /** The domain's current set of match groups (those of the job current_match_jobs names). */
  #currentGroups(scope: Scope, domainName: string) {
    return this.#db
      .selectFrom('match_groups')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .where((eb) => eb('job_id', '=', currentJobOf(eb, scope, domainName)));
  }

  async deleteAllInDomain(scope: Scope, domainName: string): Promise<void> {
    for (const table of ['match_groups', 'current_match_jobs', 'identity_resolution_jobs'] as const) {
      await this.#db
        .deleteFrom(table)
        .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
        .execute();
    }
  }
}

function parseJobCursor(after: string): [number, string] {
  const colon = after.indexOf(':');
  const millis = Number(after.slice(0, colon));
  if (colon < 0 || !Number.isSafeInteger(millis)) throw new RangeError(`invalid job cursor: ${after}`);
  return [millis, after.slice(colon + 1)];
}

function optionalMillis(date: Date | undefined): number | null {
  return date === undefined ? null : toMillis(date);
}

function toJobRow(scope: Scope, record: IdentityResolutionJobRecord): IdentityResolutionJobsTable {
  return {
    ...inScope(scope),
    domain_name: record.domainName,
    job_id: record.jobId,
    status: record.status,
    message: record.message ?? null,
    job_start_time: optionalMillis(record.jobStartTime),
    job_end_time: optionalMillis(record.jobEndTime),
    last_updated_at: toMillis(record.lastUpdatedAt),
    job_expiration_time: toMillis(record.jobExpirationTime),
    profiles_reviewed: record.profilesReviewed,
    matches_found: record.matchesFound,
    merges_done: record.mergesDone,
    created_at: toMillis(record.createdAt),
    auto_merging_json: record.autoMerging === undefined ? null : JSON.stringify(record.autoMerging),
    export_bucket: record.exportingLocation?.bucket ?? null,
    export_key: record.exportingLocation?.key ?? null,
  };
}

function toJobRecord(row: Selectable<IdentityResolutionJobsTable>): IdentityResolutionJobRecord {
  const time = (millis: number | null) => (millis === null ? undefined : new Date(Number(millis)));
  return {
    domainName: row.domain_name,
    jobId: row.job_id,
    status: row.status as IdentityResolutionJobStatus,
    ...present('message', row.message),
    ...present('jobStartTime', time(row.job_start_time)),
    ...present('jobEndTime', time(row.job_end_time)),
    lastUpdatedAt: new Date(Number(row.last_updated_at)),
    jobExpirationTime: new Date(Number(row.job_expiration_time)),
    profilesReviewed: Number(row.profiles_reviewed),
    matchesFound: Number(row.matches_found),
    mergesDone: Number(row.merges_done),
    createdAt: new Date(Number(row.created_at)),
    ...present('autoMerging', row.auto_merging_json === null ? null : (JSON.parse(row.auto_merging_json) as JsonValue)),
    ...(row.export_bucket !== null && row.export_key !== null ? { exportingLocation: { bucket: row.export_bucket, key: row.export_key } } : {}),
  };
}

function toMatchRecord(row: Selectable<MatchGroupsTable>): MatchGroupRecord {
  return {
    matchId: row.match_id,
    jobId: row.job_id,
    profileIds: JSON.parse(row.profile_ids_json) as string[],
    confidenceScore: Number(row.confidence_score),
    generatedAt: new Date(Number(row.generated_at)),
  };
}
