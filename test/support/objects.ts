// Profile-object helpers for API tests: put an object, list a profile's objects (following NextToken),
// and define an object type from a compact description.
import {
  ListProfileObjectsCommand,
  PutProfileObjectCommand,
  PutProfileObjectTypeCommand,
  type CustomerProfilesClient,
  type ObjectFilter,
  type PutProfileObjectTypeCommandInput,
} from '@aws-sdk/client-customer-profiles';

export async function putObject(client: CustomerProfilesClient, domain: string, type: string, object: unknown): Promise<string> {
  const text = typeof object === 'string' ? object : JSON.stringify(object);
  return (await client.send(new PutProfileObjectCommand({ DomainName: domain, ObjectTypeName: type, Object: text }))).ProfileObjectUniqueKey!;
}

/** Every object of a type on a profile, parsed, following NextToken with pages of `pageSize`. */
export async function listObjects(
  client: CustomerProfilesClient,
  domain: string,
  profileId: string,
  type: string,
  filter?: ObjectFilter,
  pageSize?: number,
): Promise<Array<{ key: string; object: Record<string, unknown> }>> {
  const items: Array<{ key: string; object: Record<string, unknown> }> = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListProfileObjectsCommand({ DomainName: domain, ProfileId: profileId, ObjectTypeName: type, ObjectFilter: filter, NextToken: token, MaxResults: pageSize }),
    );
    for (const item of page.Items ?? []) items.push({ key: item.ProfileObjectUniqueKey!, object: JSON.parse(item.Object!) as Record<string, unknown> });
    token = page.NextToken;
  } while (token !== undefined);
  return items;
}

type TypeBody = Omit<PutProfileObjectTypeCommandInput, 'DomainName' | 'ObjectTypeName'>;

export async function putType(client: CustomerProfilesClient, domain: string, name: string, body: TypeBody): Promise<void> {
  await client.send(new PutProfileObjectTypeCommand({ ...body, DomainName: domain, ObjectTypeName: name }));
}
