import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readConfig } from './config.js';

test('OPENPROFILES_MATCHING_JOBS_PER_WEEK sets the weekly job quota: 3 by default, a whole number of 1 or more', () => {
  assert.equal(readConfig({}, {}).matchingJobsPerWeek, 3);
  assert.equal(readConfig({}, { OPENPROFILES_MATCHING_JOBS_PER_WEEK: '10' }).matchingJobsPerWeek, 10);
  for (const value of ['0', '-1', '2.5', 'many']) {
    assert.throws(() => readConfig({}, { OPENPROFILES_MATCHING_JOBS_PER_WEEK: value }), /OPENPROFILES_MATCHING_JOBS_PER_WEEK/, value);
  }
});

test("no account may use the server's own S3 setting unless the operator names it (--s3-accounts / OPENPROFILES_S3_ACCOUNTS)", () => {
  assert.deepEqual(readConfig({}, {}).s3.accounts, []);
  assert.deepEqual(readConfig({}, { OPENPROFILES_S3_ACCOUNTS: '000000000000, 111122223333' }).s3.accounts, ['000000000000', '111122223333']);
  assert.deepEqual(readConfig({ s3Accounts: '111122223333' }, { OPENPROFILES_S3_ACCOUNTS: '000000000000' }).s3.accounts, ['111122223333']);
  assert.throws(() => readConfig({}, { OPENPROFILES_S3_ACCOUNTS: '000000000000,*' }), /invalid account id in the S3 accounts/);
});

test('SQS endpoints beyond AWS are origins the operator lists (--sqs-endpoints / OPENPROFILES_SQS_ENDPOINTS)', () => {
  assert.deepEqual(readConfig({}, {}).sqs.endpoints, []);
  assert.deepEqual(readConfig({}, { OPENPROFILES_SQS_ENDPOINTS: 'http://127.0.0.1:9324,https://SQS.example.com/' }).sqs.endpoints, ['http://127.0.0.1:9324', 'https://sqs.example.com']);
  for (const value of ['127.0.0.1:9324', 'http://host/queue', 'ftp://host', 'http://user:pw@host', 'http://host?x=1']) {
    assert.throws(() => readConfig({ sqsEndpoints: value }, {}), /invalid SQS endpoint/, value);
  }
});
