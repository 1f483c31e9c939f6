// Stores a job's match groups as the domain's current set, each with a MatchId of its own.
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { MatchGroupRecord, Scope, Store } from '../../storage/ports.js';
import type { MatchGroup } from './match-groups.js';

const RECORDS_PER_TURN = 10_000;

export async function storeMatchGroups(store: Store, scope: Scope, domainName: string, jobId: string, generatedAt: Date, groups: readonly MatchGroup[]): Promise<void> {
  const records: MatchGroupRecord[] = [];
  for (const group of groups) {
    records.push({ ...group, matchId: randomUUID().replaceAll('-', ''), jobId, generatedAt });
    if (records.length % RECORDS_PER_TURN === 0) await nextTurn();
  }
  await store.identityResolution.replaceMatches(scope, domainName, jobId, records);
}
