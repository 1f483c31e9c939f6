// Our own signed routes under /_openprofiles/, through a real server on every backend: starting an
// identity-resolution job, its authorization (profile:StartIdentityResolutionJob on the domain), and the
// errors of the route layer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateDomainCommand, GetIdentityResolutionJobCommand, ListIdentityResolutionJobsCommand } from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { signedFetch } from '../support/signed-fetch.js';
import { iamClient, policyDocument, userWithPolicies } from '../support/iam.js';

const START = (domain: string) => `/_openprofiles/domains/${encodeURIComponent(domain)}/identity-resolution-jobs`;
const DOMAIN_ARN = (domain: string) => `arn:aws:profile:us-east-1:000000000000:domains/${domain}`;

for (const backend of backends()) {
  describe(`extension routes on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    before(async () => {
      server = await backend.start();
      const client = server.client();
      for (const name of ['ext-one', 'ext-two']) {
        await client.send(new CreateDomainCommand({ DomainName: name, DefaultExpirationDays: 30, Matching: { Enabled: true } }));
      }
    });
    after(async () => {
      await server?.stop();
    });

    test('POST …/identity-resolution-jobs starts a job that GetIdentityResolutionJob then knows', async () => {
      const result = await signedFetch(server.endpoint, server.root, { method: 'POST', path: START('ext-one'), body: '{}' });
      assert.equal(result.status, 200, result.text);
      const jobId = String(result.json?.['JobId']);
      assert.match(jobId, /^[0-9a-f]{32}$/);
      const client = server.client();
      const job = await client.send(new GetIdentityResolutionJobCommand({ DomainName: 'ext-one', JobId: jobId }));
      assert.equal(job.JobId, jobId);
      assert.ok(['PENDING', 'PREPROCESSING', 'FIND_MATCHING', 'MERGING', 'COMPLETED'].includes(String(job.Status)), String(job.Status));
      const listed = await client.send(new ListIdentityResolutionJobsCommand({ DomainName: 'ext-one' }));
      assert.ok(listed.IdentityResolutionJobsList?.some((entry) => entry.JobId === jobId));
    });

    test('a body is optional and an unknown domain is ResourceNotFoundException', async () => {
      const bodiless = await signedFetch(server.endpoint, server.root, { method: 'POST', path: START('ext-two') });
      assert.equal(bodiless.status, 200, bodiless.text);
      const missing = await signedFetch(server.endpoint, server.root, { method: 'POST', path: START('no-such-domain') });
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
      assert.match(String(missing.json?.['Message']), /no-such-domain/);
    });

    test('an unsigned call is refused and an unknown extension path or method is like an unknown route', async () => {
      const unsigned = await signedFetch(server.endpoint, server.root, { method: 'POST', path: START('ext-one'), sign: false });
      assert.equal(unsigned.status, 403);
      const known = await signedFetch(server.endpoint, server.root, { method: 'POST', path: '/domains/ext-one/no-such-thing' });
      for (const call of [
        { method: 'POST', path: '/_openprofiles/domains/ext-one/no-such-thing' },
        { method: 'GET', path: START('ext-one') },
      ]) {
        const result = await signedFetch(server.endpoint, server.root, call);
        assert.equal(result.status, known.status, `${call.method} ${call.path}`);
        assert.equal(result.headers.get('x-amzn-errortype'), known.headers.get('x-amzn-errortype'));
      }
      const badJson = await signedFetch(server.endpoint, server.root, { method: 'POST', path: START('ext-one'), body: '{not json' });
      assert.equal(badJson.status, 400);
      assert.equal(badJson.headers.get('x-amzn-errortype'), 'BadRequestException');
    });

    test('an IAM user needs profile:StartIdentityResolutionJob on that domain', async () => {
      const iam = iamClient(server);
      const allowed = await userWithPolicies(iam, 'ext-starter', [
        policyDocument({ Effect: 'Allow', Action: 'profile:StartIdentityResolutionJob', Resource: DOMAIN_ARN('ext-one') }),
      ]);
      const other = await userWithPolicies(iam, 'ext-reader', [policyDocument({ Effect: 'Allow', Action: 'profile:GetIdentityResolutionJob', Resource: '*' })]);

      const ok = await signedFetch(server.endpoint, allowed, { method: 'POST', path: START('ext-one') });
      assert.equal(ok.status, 200, ok.text);
      const elsewhere = await signedFetch(server.endpoint, allowed, { method: 'POST', path: START('ext-two') });
      assert.equal(elsewhere.status, 403);
      assert.equal(elsewhere.headers.get('x-amzn-errortype'), 'AccessDeniedException');
      assert.match(String(elsewhere.json?.['Message']), /profile:StartIdentityResolutionJob/);
      const denied = await signedFetch(server.endpoint, other, { method: 'POST', path: START('ext-one') });
      assert.equal(denied.status, 403);
      assert.equal(denied.headers.get('x-amzn-errortype'), 'AccessDeniedException');
    });
  });
}
