// The 90 evaluation cases of test/fixtures/iam-evaluation-cases.json (spec §11): every expected decision.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { evaluate, type Decision } from './evaluate.js';
import { parsePolicyDocument } from './policy-document.js';
import { createRequestContext, type ContextEntries } from './request-context.js';

interface EvaluationCase {
  id: string;
  rule: string;
  request: { principal: string; action: string; resources: string[]; context: ContextEntries };
  identityPolicies: unknown[];
  permissionsBoundary?: unknown[];
  expected: Decision;
}

/**
 * The repo root is the nearest folder above this file whose package.json is `openprofiles` (works
 * from src/ and from dist/src/); the cases are in its test/fixtures/. Missing file = failure.
 */
function casesFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'openprofiles') break;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No openprofiles package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  const file = resolve(dir, 'test', 'fixtures', 'iam-evaluation-cases.json');
  if (!existsSync(file)) throw new Error(`IAM evaluation cases not found at ${file}; it is part of the repository`);
  return file;
}

const { cases } = JSON.parse(readFileSync(casesFile(), 'utf8')) as { cases: EvaluationCase[] };

test('the cases file holds the 90 cases of spec §11', () => {
  assert.equal(cases.length, 90);
  assert.equal(new Set(cases.map((c) => c.id)).size, 90);
});

for (const c of cases) {
  test(`${c.id}: ${c.rule} → ${c.expected}`, () => {
    // Policies go through the same text parser the IAM API uses when they are stored.
    const boundaries = (c.permissionsBoundary ?? []).map((p) => parsePolicyDocument(JSON.stringify(p)));
    assert.ok(boundaries.length <= 1, 'a principal has at most one permissions boundary');
    const result = evaluate(
      {
        principalArn: c.request.principal,
        action: c.request.action,
        resources: c.request.resources,
        context: createRequestContext(c.request.context),
      },
      {
        identity: c.identityPolicies.map((p) => parsePolicyDocument(JSON.stringify(p))),
        permissionsBoundary: boundaries[0],
      },
    );
    assert.equal(result.decision, c.expected);
  });
}
