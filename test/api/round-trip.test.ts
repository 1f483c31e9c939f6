// Every writable shape we implement, written with minimal input and read back on the wire: nothing comes back that
// the caller did not send, other than the members the model gives only to outputs (ids, timestamps, stats).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { schema } from '../../src/generated/schema.js';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { signedFetch, type RawCall } from '../support/signed-fetch.js';

const DOMAIN_ARN = (domain: string) => `arn:aws:profile:us-east-1:000000000000:domains/${domain}`;

/** Members of `output` that no `inputs` shape has: the server sets them, so they may come back unasked. */
function serverSet(output: string, ...inputs: string[]): Set<string> {
  const membersOf = (name: string) => {
    const shape = schema[name];
    assert.ok(shape && shape.kind === 'structure', `${name} is a structure of the model`);
    return Object.values(shape.members).map((member) => member.jsonName);
  };
  const given = new Set(inputs.flatMap(membersOf));
  return new Set(membersOf(output).filter((name) => !given.has(name)));
}

/** Paths (`Keys.email[0].StandardIdentifiers`) present in `got` but not in `sent`, except the top-level `allowed`. */
function additions(sent: unknown, got: unknown, allowed: ReadonlySet<string>, path = ''): string[] {
  if (Array.isArray(got)) {
    const sentItems = Array.isArray(sent) ? sent : [];
    return got.flatMap((item, i) => (i < sentItems.length ? additions(sentItems[i], item, allowed, `${path}[${i}]`) : [`${path}[${i}]`]));
  }
  if (got === null || typeof got !== 'object') return [];
  const sentMembers = sent !== null && typeof sent === 'object' ? (sent as Record<string, unknown>) : {};
  return Object.entries(got as Record<string, unknown>).flatMap(([name, value]) => {
    const at = path === '' ? name : `${path}.${name}`;
    if (Object.hasOwn(sentMembers, name)) return additions(sentMembers[name], value, allowed, at);
    return path === '' && allowed.has(name) ? [] : [at];
  });
}

for (const backend of backends()) {
  describe(`what is written is what is read, on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    const call = async (c: RawCall): Promise<Record<string, unknown>> => {
      const result = await signedFetch(server.endpoint, server.root, c);
      assert.equal(result.status, 200, `${c.method} ${c.path}: ${result.text}`);
      return result.json ?? {};
    };
    const json = (method: string, path: string, body?: Record<string, unknown>) =>
      call({ method, path, ...(body !== undefined && { body: JSON.stringify(body) }) });
    const assertEchoed = (what: string, sent: Record<string, unknown>, got: Record<string, unknown>, allowed: ReadonlySet<string>) =>
      assert.deepEqual(additions(sent, got, allowed), [], `${what} added members the caller did not send: ${JSON.stringify(got)}`);

    before(async () => {
      server = await backend.start();
    });
    after(async () => {
      await server?.stop();
    });

    test('CreateDomain and UpdateDomain, read by GetDomain', async () => {
      const created = { DefaultExpirationDays: 5 };
      const allowed = serverSet('GetDomainResponse', 'CreateDomainRequest', 'UpdateDomainRequest');
      assertEchoed('CreateDomain', { DomainName: 'echo', ...created }, await json('POST', '/domains/echo', created), serverSet('CreateDomainResponse', 'CreateDomainRequest'));
      assertEchoed('GetDomain', { DomainName: 'echo', ...created }, await json('GET', '/domains/echo'), allowed);
      const updated = { DefaultExpirationDays: 7 };
      assertEchoed('UpdateDomain', { DomainName: 'echo', ...updated }, await json('PUT', '/domains/echo', updated), serverSet('UpdateDomainResponse', 'UpdateDomainRequest'));
      assertEchoed('GetDomain after UpdateDomain', { DomainName: 'echo', ...updated }, await json('GET', '/domains/echo'), allowed);
      const listed = ((await json('GET', '/domains'))['Items'] as Array<Record<string, unknown>>).find((item) => item['DomainName'] === 'echo');
      assertEchoed('ListDomains', { DomainName: 'echo' }, listed!, serverSet('ListDomainItem', 'CreateDomainRequest'));
    });

    test('PutProfileObjectType, read by GetProfileObjectType: a key without StandardIdentifiers comes back without them', async () => {
      await json('POST', '/domains/echo-types', { DefaultExpirationDays: 5 });
      const type = {
        Description: 'minimal',
        Fields: { id: { Source: '_source.id' }, email: { Source: '_source.email', Target: '_profile.EmailAddress' }, store: { Source: '_source.store' } },
        Keys: {
          id: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['id'] }],
          email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }],
          store: [{ FieldNames: ['store'] }],
        },
      };
      const sent = { ObjectTypeName: 'contact', ...type };
      // AllowProfileCreation has a model default (false), which SDKs show whether or not it is on the wire.
      const withDefaults = { ...sent, AllowProfileCreation: false };
      const put = await json('PUT', '/domains/echo-types/object-types/contact', type);
      assertEchoed('PutProfileObjectType', withDefaults, put, serverSet('PutProfileObjectTypeResponse', 'PutProfileObjectTypeRequest'));
      const got = await json('GET', '/domains/echo-types/object-types/contact');
      assertEchoed('GetProfileObjectType', withDefaults, got, serverSet('GetProfileObjectTypeResponse', 'PutProfileObjectTypeRequest'));
      assert.deepEqual((got['Keys'] as Record<string, unknown>)['store'], [{ FieldNames: ['store'] }]);
      const [listed] = (await json('GET', '/domains/echo-types/object-types'))['Items'] as Array<Record<string, unknown>>;
      assertEchoed('ListProfileObjectTypes', sent, listed!, serverSet('ListProfileObjectTypeItem', 'PutProfileObjectTypeRequest'));
    });

    test('PutIntegration, read by GetIntegration', async () => {
      await json('POST', '/domains/echo-integrations', { DefaultExpirationDays: 5 });
      await json('PUT', '/domains/echo-integrations/object-types/contact', {
        Description: 'minimal',
        Fields: { id: { Source: '_source.id' }, email: { Source: '_source.email', Target: '_profile.EmailAddress' } },
        Keys: { id: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['id'] }], email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }] },
      });
      const integration = { Uri: 'arn:aws:connect:us-east-1:000000000000:instance/echo', ObjectTypeName: 'contact' };
      const sent = { DomainName: 'echo-integrations', ...integration };
      assertEchoed('PutIntegration', sent, await json('PUT', '/domains/echo-integrations/integrations', integration), serverSet('PutIntegrationResponse', 'PutIntegrationRequest'));
      const got = await json('POST', '/domains/echo-integrations/integrations', { Uri: integration.Uri });
      assertEchoed('GetIntegration', sent, got, serverSet('GetIntegrationResponse', 'PutIntegrationRequest'));
      const [listed] = (await json('GET', '/domains/echo-integrations/integrations'))['Items'] as Array<Record<string, unknown>>;
      assertEchoed('ListIntegrations', sent, listed!, serverSet('ListIntegrationItem', 'PutIntegrationRequest'));
    });

    test('CreateProfile and UpdateProfile, read by SearchProfiles', async () => {
      await json('POST', '/domains/echo-profiles', { DefaultExpirationDays: 5 });
      const profile = { FirstName: 'Ann' };
      const { ProfileId } = await json('POST', '/domains/echo-profiles/profiles', profile);
      assert.equal(typeof ProfileId, 'string');
      const search = async () => {
        const items = (await json('POST', '/domains/echo-profiles/profiles/search', { KeyName: '_profileId', Values: [ProfileId] }))['Items'] as Array<Record<string, unknown>>;
        assert.equal(items.length, 1);
        return items[0]!;
      };
      const allowed = serverSet('Profile', 'CreateProfileRequest', 'UpdateProfileRequest');
      // ProfileId is the server's answer to CreateProfile and the caller's own input to UpdateProfile.
      assertEchoed('SearchProfiles', { ProfileId, ...profile }, await search(), allowed);
      await json('PUT', '/domains/echo-profiles/profiles', { ProfileId, LastName: 'Lee' });
      assertEchoed('SearchProfiles after UpdateProfile', { ProfileId, ...profile, LastName: 'Lee' }, await search(), allowed);
    });

    test('TagResource, read by ListTagsForResource and GetDomain', async () => {
      await json('POST', '/domains/echo-tags', { DefaultExpirationDays: 5 });
      const arn = encodeURIComponent(DOMAIN_ARN('echo-tags'));
      assert.deepEqual(await json('GET', `/tags/${arn}`), { tags: {} });
      await json('POST', `/tags/${arn}`, { tags: { team: 'cc' } });
      assert.deepEqual(await json('GET', `/tags/${arn}`), { tags: { team: 'cc' } });
      const domain = await json('GET', '/domains/echo-tags');
      assertEchoed('GetDomain after TagResource', { DomainName: 'echo-tags', DefaultExpirationDays: 5, Tags: { team: 'cc' } }, domain, serverSet('GetDomainResponse', 'CreateDomainRequest'));
    });
  });
}
