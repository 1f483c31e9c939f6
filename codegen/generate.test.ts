// The committed src/generated/ must be exactly what `npm run codegen` writes from model/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './generate.js';
import { repoRoot } from './model.js';

test('src/generated/ is up to date with model/ (run `npm run codegen`)', () => {
  for (const [file, contents] of generate()) {
    const committed = readFileSync(join(repoRoot(), 'src', 'generated', file), 'utf8');
    assert.ok(committed === contents, `src/generated/${file} differs from what codegen writes; run npm run codegen`);
  }
});
