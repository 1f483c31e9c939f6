// `npm run codegen`: writes src/generated/ from model/ (Customer Profiles, and iam/ and sts/ from the botocore models) (never run at server start).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generate } from './generate.js';
import { repoRoot } from './model.js';

const outDir = join(repoRoot(), 'src', 'generated') + '/';
mkdirSync(outDir, { recursive: true });
for (const [file, contents] of generate()) {
  mkdirSync(dirname(outDir + file), { recursive: true });
  writeFileSync(outDir + file, contents);
  console.log(`wrote src/generated/${file}`);
}
