// `npm run docs:coverage`: writes docs/coverage.md.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCoverage } from './coverage.js';
import { repoRoot } from './model.js';

writeFileSync(join(repoRoot(), 'docs', 'coverage.md'), renderCoverage());
console.log('wrote docs/coverage.md');
