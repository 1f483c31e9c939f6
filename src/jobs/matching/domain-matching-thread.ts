// The matcher thread of one domain: opens its own connection, reads the profiles, matches them, groups
// the matches and stores the groups, then answers with the counts; the thread runs below the API's priority.
import { parentPort, workerData } from 'node:worker_threads';
import { connectStore } from '../../storage/open-store.js';
import { findMatches } from '../../matching/index.js';
import { lowerThisThreadsPriority } from '../../matching/worker/thread-priority.js';
import type { ThreadMessage } from '../../matching/worker/run-matcher.js';
import { matchGroupsAtOnce } from '../../domain/identity-resolution/match-groups.js';
import { readMatchRecords } from '../../domain/identity-resolution/match-record-reader.js';
import { storeMatchGroups } from '../../domain/identity-resolution/store-match-groups.js';
import type { DomainMatchingProgress, DomainMatchingReply, DomainMatchingRequest } from './domain-matching.js';

type Message = ThreadMessage<DomainMatchingProgress, DomainMatchingReply>;
const post = (message: Message) => parentPort?.postMessage(message);

lowerThisThreadsPriority();
const { database, scope, domainName, job } = workerData as DomainMatchingRequest;
const store = connectStore(database);
try {
  const records = await readMatchRecords(store, scope, domainName);
  post({ kind: 'progress', progress: { profilesRead: records.length } });
  const result = records.length < 2 ? undefined : findMatches(records);
  const groups = result ? matchGroupsAtOnce(records.map((record) => record.id), result) : [];
  await storeMatchGroups(store, scope, domainName, job.jobId, job.generatedAt, groups);
  post({ kind: 'done', reply: { ok: true, value: { profilesReviewed: records.length, matchesFound: groups.length, ...(result && { stats: result.stats }) } } });
} catch (error) {
  post({ kind: 'done', reply: { ok: false, message: error instanceof Error ? error.message : String(error) } });
} finally {
  await store.close();
}
