// Profile helpers for API tests: read a profile the only way the 38 operations allow (SearchProfiles
// by _profileId), search ids, and create a domain with a fresh name.
import { randomBytes } from 'node:crypto';
import {
  CreateDomainCommand,
  CreateProfileCommand,
  SearchProfilesCommand,
  type CreateProfileCommandInput,
  type CustomerProfilesClient,
  type Profile,
  type SearchProfilesCommandInput,
} from '@aws-sdk/client-customer-profiles';

export async function newDomain(client: CustomerProfilesClient, prefix = 'd'): Promise<string> {
  const name = `${prefix}-${randomBytes(5).toString('hex')}`;
  await client.send(new CreateDomainCommand({ DomainName: name, DefaultExpirationDays: 30 }));
  return name;
}

export async function createProfile(client: CustomerProfilesClient, domain: string, input: Omit<CreateProfileCommandInput, 'DomainName'> = {}): Promise<string> {
  return (await client.send(new CreateProfileCommand({ DomainName: domain, ...input }))).ProfileId!;
}

/** The stored profile without FoundByItems, or undefined when no profile has that id. */
export async function getProfile(client: CustomerProfilesClient, domain: string, profileId: string): Promise<Profile | undefined> {
  const found = await client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_profileId', Values: [profileId] }));
  const item = found.Items?.[0];
  if (item === undefined) return undefined;
  const { FoundByItems: _foundBy, ...profile } = item;
  return profile;
}

/** Ids of every profile a search finds, following NextToken. */
export async function searchIds(client: CustomerProfilesClient, input: SearchProfilesCommandInput): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new SearchProfilesCommand({ ...input, NextToken: token }));
    ids.push(...(page.Items ?? []).map((item) => item.ProfileId!));
    token = page.NextToken;
  } while (token !== undefined);
  return ids;
}
