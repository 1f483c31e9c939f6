// Loads a labelled data set through the public API: one CreateProfile (official SDK) per record, several in flight.
import { CreateProfileCommand, type CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import type { MatchRecord } from '../../src/matching/index.js';

/** The record's fields as CreateProfile takes them; missing ones are left out. */
function request(domainName: string, record: MatchRecord) {
  const hasAddress = [record.address1, record.address2, record.city, record.state, record.postalCode].some((value) => value !== undefined);
  return {
    DomainName: domainName,
    FirstName: record.firstName,
    MiddleName: record.middleName,
    LastName: record.lastName,
    BirthDate: record.birthDate,
    EmailAddress: record.email,
    PhoneNumber: record.phone,
    AccountNumber: record.accountNumber,
    ...(hasAddress
      ? { Address: { Address1: record.address1, Address2: record.address2, City: record.city, State: record.state, PostalCode: record.postalCode } }
      : {}),
  };
}

/** Creates every record as a profile; resolves with the ProfileId of each, by record index. */
export async function createProfiles(client: CustomerProfilesClient, domainName: string, records: readonly MatchRecord[], concurrency: number): Promise<string[]> {
  const ids = new Array<string>(records.length);
  let next = 0;
  const worker = async () => {
    while (next < records.length) {
      const index = next++;
      const record = records[index];
      if (record === undefined) continue;
      const created = await client.send(new CreateProfileCommand(request(domainName, record)));
      ids[index] = created.ProfileId ?? '';
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ids;
}
