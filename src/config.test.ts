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
