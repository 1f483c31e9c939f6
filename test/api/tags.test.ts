// TagResource, UntagResource, ListTagsForResource on domain ARNs through the official SDK, on every backend.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateDomainCommand,
  GetDomainCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type CustomerProfilesClient,
} from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';

const arnOf = (name: string, account = '000000000000', region = 'us-east-1') => `arn:aws:profile:${region}:${account}:domains/${name}`;

for (const backend of backends()) {
  describe(`tags on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    before(async () => {
      server = await backend.start();
      client = server.client();
      await client.send(new CreateDomainCommand({ DomainName: 't1', DefaultExpirationDays: 1, Tags: { team: 'blue', env: 'dev' } }));
      await client.send(new CreateDomainCommand({ DomainName: 't10', DefaultExpirationDays: 1 }));
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
    });

    const tagsOf = async (arn: string) => (await client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags;

    test('TagResource overwrites and adds; other keys stay; GetDomain shows the same tags', async () => {
      await client.send(new TagResourceCommand({ resourceArn: arnOf('t1'), tags: { team: 'red', 'cost:center': '42/a', 'path/key': 'v w' } }));
      const expected = { team: 'red', env: 'dev', 'cost:center': '42/a', 'path/key': 'v w' };
      assert.deepEqual(await tagsOf(arnOf('t1')), expected);
      assert.deepEqual((await client.send(new GetDomainCommand({ DomainName: 't1' }))).Tags, expected);
      assert.deepEqual(await tagsOf(arnOf('t10')), {}, 'a domain whose name extends another has its own tags');
    });

    test('UntagResource removes every listed key (repeated tagKeys), ignoring unknown ones', async () => {
      await client.send(new TagResourceCommand({ resourceArn: arnOf('t10'), tags: { a: '1', 'b/c=d': '2', d: '3' } }));
      await client.send(new UntagResourceCommand({ resourceArn: arnOf('t10'), tagKeys: ['a', 'b/c=d', 'missing'] }));
      assert.deepEqual(await tagsOf(arnOf('t10')), { d: '3' });
    });

    test('at most 50 tags on a resource; the refused call changes nothing', async () => {
      const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
      await rejectsWith(client.send(new TagResourceCommand({ resourceArn: arnOf('t10'), tags: many })), 'BadRequestException', 400, /at most 50 tags/);
      assert.deepEqual(await tagsOf(arnOf('t10')), { d: '3' });
      await rejectsWith(
        client.send(new TagResourceCommand({ resourceArn: arnOf('t10'), tags: { ...many, k50: 'v' } })),
        'BadRequestException',
        400,
        /length less than or equal to 50/,
      );
    });

    test('tag keys and values follow the model', async () => {
      await rejectsWith(client.send(new TagResourceCommand({ resourceArn: arnOf('t10'), tags: { 'aws:x': 'v' } })), 'BadRequestException', 400, /pattern/);
      await rejectsWith(client.send(new TagResourceCommand({ resourceArn: arnOf('t10'), tags: { 'has space': 'v' } })), 'BadRequestException', 400, /pattern/);
      await rejectsWith(client.send(new TagResourceCommand({ resourceArn: arnOf('t10'), tags: { k: 'v'.repeat(257) } })), 'BadRequestException', 400, /256/);
      await rejectsWith(client.send(new UntagResourceCommand({ resourceArn: arnOf('t10'), tagKeys: [] })), 'BadRequestException', 400);
    });

    test('unknown resources are ResourceNotFound; what is not an ARN of ours is BadRequest', async () => {
      await rejectsWith(client.send(new ListTagsForResourceCommand({ resourceArn: arnOf('absent') })), 'ResourceNotFoundException', 404);
      await rejectsWith(client.send(new TagResourceCommand({ resourceArn: arnOf('t1', '000000000000', 'eu-west-1'), tags: { a: 'b' } })), 'ResourceNotFoundException', 404);
      await rejectsWith(client.send(new ListTagsForResourceCommand({ resourceArn: arnOf('t1') + '/object-types/none' })), 'ResourceNotFoundException', 404);
      await rejectsWith(client.send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:profile:us-east-1:000000000000:widgets/x' })), 'BadRequestException', 400);
      await rejectsWith(client.send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:s3:::bucket' })), 'BadRequestException', 400, /pattern/);
    });
  });
}
