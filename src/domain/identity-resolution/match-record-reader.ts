// Reads a domain's profiles as the matcher's records, a page at a time in profile-id order.
import type { Scope, Store } from '../../storage/ports.js';
import type { MatchRecord } from '../../matching/index.js';
import { toMatchRecord } from './match-record.js';

const PROFILE_PAGE = 1_000;

/** `afterPage` runs between pages (a thread serving requests yields there, and checks its lease). */
export async function readMatchRecords(store: Store, scope: Scope, domainName: string, afterPage: () => Promise<void> = async () => undefined): Promise<MatchRecord[]> {
  const records: MatchRecord[] = [];
  let after: string | undefined;
  do {
    const page = await store.identityResolution.profileDocuments(scope, domainName, { after, limit: PROFILE_PAGE });
    for (const row of page.items) records.push(toMatchRecord(row.profileId, row.fields));
    after = page.nextAfter;
    if (after !== undefined) await afterPage();
  } while (after !== undefined);
  return records;
}
