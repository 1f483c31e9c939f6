// docs/coverage.md must list exactly what the registry implements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCoverage } from './coverage.js';
import { repoRoot } from './model.js';

test('docs/coverage.md is up to date with the registry (run `npm run docs:coverage`)', () => {
  const committed = readFileSync(join(repoRoot(), 'docs', 'coverage.md'), 'utf8');
  assert.ok(committed === renderCoverage(), 'docs/coverage.md is stale: run npm run docs:coverage');
});
