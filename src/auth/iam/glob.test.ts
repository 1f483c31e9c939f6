// Unit tests of wildcard matching: actions, StringLike and ARN patterns (spec §4.1, §4.2, §5.3).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileGlob, type GlobMode } from './glob.js';
import { tokenize } from './policy-string.js';

const glob = (pattern: string, mode: GlobMode) => compileGlob(tokenize(pattern, { wildcards: true, variables: false }), mode);

test('actions: whole-string, case-insensitive pattern (the action is given lower-cased)', () => {
  assert.equal(glob('PROFILE:getdomain', 'action')('profile:getdomain'), true);
  assert.equal(glob('profile:*Domain', 'action')('profile:listdomains'), false);
  assert.equal(glob('profile:*Domain', 'action')('profile:getdomain'), true);
  assert.equal(glob('profile:?etDomain', 'action')('profile:getdomain'), true);
  assert.equal(glob('profile:?etDomain', 'action')('profile:ggetdomain'), false);
  assert.equal(glob('profile:Get*', 'action')('profile:getprofileobjecttype'), true);
  assert.equal(glob('profile:*', 'action')('iam:createuser'), false);
  assert.equal(glob('*', 'action')('iam:createuser'), true);
  assert.equal(glob('profile:Get*Type', 'action')('profile:getprofileobjecttype'), true);
});

test('StringLike: * and ? cross every character, anchored at both ends', () => {
  assert.equal(glob('al?c*', 'string')('alice'), true);
  assert.equal(glob('al?c*', 'string')('xalice'), false);
  assert.equal(glob('*:*/x', 'string')('a:b/c/x'), true);
  assert.equal(glob('a.b', 'string')('axb'), false, 'regex characters are literal');
  assert.equal(glob('(a|b)+', 'string')('(a|b)+'), true);
  assert.equal(glob('a*', 'string')('a\nb'), true);
});

test('ARN: case-sensitive; fields one by one; * crosses / and : in the resource part only', () => {
  const d = 'arn:aws:profile:us-east-1:111122223333:domains/';
  assert.equal(glob(`${d}*`, 'arn')(`${d}sales/object-types/Order`), true);
  assert.equal(glob(`${d}Sales`, 'arn')(`${d}sales`), false);
  assert.equal(glob(`${d}sales/integrations/*`, 'arn')(`${d}sales/integrations/arn:aws:sqs:us-east-1:1:q1`), true);
  assert.equal(glob('arn:aws:profile:*:111122223333:domains/sales', 'arn')('arn:aws:profile:eu-west-2:111122223333:domains/sales'), true);
  assert.equal(glob('arn:aws:profile:*:domains/sales', 'arn')('arn:aws:profile:eu-west-2:111122223333:domains/sales'), false, '* stays in its field');
  assert.equal(glob('arn:aws:profile:us-east-?:*:domains/*/object-types/Secret*', 'arn')(`${d}a/object-types/SecretX`), true);
  assert.equal(glob('arn:aws:iam::*', 'arn')('arn:aws:iam::111122223333:user/alice'), false);
  assert.equal(glob(`${d}*`, 'arn')('*'), false, 'an ARN pattern never matches the "*" of resource-less actions (R10)');
  assert.equal(glob('*', 'arn')('*'), true);
  assert.equal(glob('arn:aws-cn:profile:us-east-1:111122223333:domains/sales', 'arn')(`${d}sales`), false);
});

/** The RegExp matcher glob.ts used before it matched without backtracking: the reference semantics. */
function referenceGlob(pattern: string, mode: GlobMode): (value: string) => boolean {
  // A lone `*` matches everything, also in ARN mode.
  if (pattern === '*') return () => true;
  const fold = mode === 'action' ? (s: string) => s.toLowerCase() : (s: string) => s;
  let source = '';
  let seenColons = 0;
  for (const token of tokenize(pattern, { wildcards: true, variables: false })) {
    const inField = mode === 'arn' && seenColons < 5;
    if (token.kind === 'star') source += inField ? '[^:]*' : '[\\s\\S]*';
    else if (token.kind === 'one') source += inField ? '[^:]' : '[\\s\\S]';
    else if (token.kind === 'text') {
      source += fold(token.text).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      seenColons += token.text.split(':').length - 1;
    }
  }
  const regex = new RegExp(`^${source}$`);
  return (value) => regex.test(value);
}

/** mulberry32: a small seeded generator, so a failing case can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('agrees with the RegExp semantics on generated patterns and values in every mode', () => {
  const next = random(20240611);
  const pick = (chars: string) => chars[Math.floor(next() * chars.length)]!;
  const text = (alphabet: string, max: number) => Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(alphabet)).join('');
  const modes: GlobMode[] = ['string', 'arn', 'action'];
  let compared = 0;
  for (let i = 0; i < 6000; i++) {
    const mode = modes[i % modes.length]!;
    // Colons often enough that ARN patterns reach (and pass) their fifth field.
    const pattern = text(mode === 'action' ? 'aAb:**?' : 'ab:/**?', 12);
    const values = Array.from({ length: 12 }, () => text(mode === 'action' ? 'ab:' : 'ab:/', 12));
    const matcher = glob(pattern, mode);
    const reference = referenceGlob(pattern, mode);
    for (const value of [...values, pattern.replace(/[*?]/g, ''), pattern.replace(/[*?]/g, 'a:')]) {
      assert.equal(matcher(value), reference(value), `pattern ${JSON.stringify(pattern)} (${mode}) against ${JSON.stringify(value)}`);
      compared++;
    }
  }
  assert.ok(compared > 80_000);
});

test('patterns that make a backtracking RegExp exponential match in linear-ish time', () => {
  const cases: Array<[string, GlobMode, string, boolean]> = [
    ['*a*a*a*a*a*a*a*a*a*b', 'string', 'a'.repeat(40), false],
    ['*a*a*a*a*a*a*a*a*a*b', 'string', 'a'.repeat(100_000), false],
    [`${'*a'.repeat(40)}*b`, 'string', 'a'.repeat(20_000) + 'b', true],
    [`arn:aws:profile:*:*:domains/${'*a'.repeat(30)}*b`, 'arn', `arn:aws:profile:us-east-1:111122223333:domains/${'a'.repeat(20_000)}`, false],
    ['p:*a*a*a*a*a*a*a*a*a*b', 'action', `p:${'a'.repeat(10_000)}`, false],
  ];
  for (const [pattern, mode, value, expected] of cases) {
    const matcher = glob(pattern, mode);
    const started = performance.now();
    assert.equal(matcher(value), expected);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 250, `${pattern} against ${value.length} characters took ${elapsed.toFixed(0)} ms`);
  }
});
