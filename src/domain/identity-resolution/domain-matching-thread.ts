// The matcher thread of one domain: opens its own connection, reads the profiles, matches them, groups
// the matches, and answers with the groups packed; the thread runs below the API's priority.
import { parentPort, workerData } from 'node:worker_threads';
import { connectStore } from '../../storage/open-store.js';
import { findMatches } from '../../matching/index.js';
import { lowerThisThreadsPriority } from '../../matching/worker/thread-priority.js';
import type { ThreadMessage } from '../../matching/worker/run-matcher.js';
import { matchGroupsAtOnce } from './match-groups.js';
import { readMatchRecords } from './match-record-reader.js';
import { packGroups, transferListOf } from './packed-groups.js';
import type { DomainMatchingProgress, DomainMatchingReply, DomainMatchingRequest } from './domain-matching.js';

type Message = ThreadMessage<DomainMatchingProgress, DomainMatchingReply>;
const post = (message: Message, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(message, transfer);

lowerThisThreadsPriority();
const { database, scope, domainName } = workerData as DomainMatchingRequest;
const store = connectStore(database);
try {
  const records = await readMatchRecords(store, scope, domainName);
  post({ kind: 'progress', progress: { profilesRead: records.length } });
  if (records.length < 2) {
    post({ kind: 'done', reply: { ok: true, value: { profilesReviewed: records.length } } });
  } else {
    const result = findMatches(records);
    const groups = packGroups(matchGroupsAtOnce(records.map((record) => record.id), result));
    post({ kind: 'done', reply: { ok: true, value: { profilesReviewed: records.length, matched: { groups, stats: result.stats } } } }, transferListOf(groups));
  }
} catch (error) {
  post({ kind: 'done', reply: { ok: false, message: error instanceof Error ? error.message : String(error) } });
} finally {
  await store.close();
}
