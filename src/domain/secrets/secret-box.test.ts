import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretBox } from './secret-box.js';

test('a sealed secret opens with the same key and not with another', () => {
  const box = SecretBox.fromText('correct horse battery staple');
  const sealed = box.seal('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  assert.ok(!sealed.includes('wJalrXUtnFEMI'));
  assert.equal(box.open(sealed), 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  assert.throws(() => SecretBox.fromText('another key').open(sealed));
});

test('sealing twice gives different texts (random IV)', () => {
  const box = SecretBox.fromText('k');
  assert.notEqual(box.seal('same'), box.seal('same'));
});

test('without a master key, a key file is created once with mode 0600 and reused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'op-secret-'));
  const first = SecretBox.open(undefined, dir);
  const sealed = first.seal('s3cret');
  assert.equal(statSync(join(dir, 'master.key')).mode & 0o777, 0o600);
  assert.equal(SecretBox.open(undefined, dir).open(sealed), 's3cret');
});
