// Imports a botocore service model (service-2.json.gz) into model/<service>/, documentation stripped.
// Run by hand when the pinned botocore changes: `tsx codegen/import-botocore-model.ts <botocore data dir> iam 2010-05-08`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { repoRoot } from './model.js';

const DROPPED = new Set(['documentation', 'documentationUrl', 'deprecatedMessage']);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) if (!DROPPED.has(key)) out[key] = strip(inner);
  return out;
}

const [dataDir, service, version] = process.argv.slice(2);
if (!dataDir || !service || !version) throw new Error('usage: import-botocore-model <botocore data dir> <service> <api version>');
const gz = readFileSync(join(dataDir, service, version, 'service-2.json.gz'));
const raw = gunzipSync(gz);
const target = join(repoRoot(), 'model', service, `${service}-${version}.json`);
mkdirSync(join(repoRoot(), 'model', service), { recursive: true });
writeFileSync(target, JSON.stringify(strip(JSON.parse(raw.toString('utf8'))), null, 1) + '\n');
console.log(`wrote ${target}`);
console.log(`sha256 of service-2.json.gz: ${createHash('sha256').update(gz).digest('hex')}`);
console.log(`sha256 of service-2.json:    ${createHash('sha256').update(raw).digest('hex')}`);
