// `npm run codegen`: writes src/generated/ from model/ (never run at server start).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './generate.js';
import { repoRoot } from './model.js';

const outDir = join(repoRoot(), 'src', 'generated') + '/';
mkdirSync(outDir, { recursive: true });
for (const [file, contents] of generate()) {
  writeFileSync(outDir + file, contents);
  console.log(`wrote src/generated/${file}`);
}
