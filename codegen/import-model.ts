// Imports the pinned Smithy model from ../shared/aws-model into model/, with documentation stripped.
// Run by hand when the pinned model changes: `npm run model:import`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../../shared/aws-model/customer-profiles.smithy.json', import.meta.url));
const target = fileURLToPath(new URL('../model/customer-profiles.json', import.meta.url));

const DROPPED_TRAITS = new Set(['smithy.api#documentation', 'smithy.api#examples', 'smithy.rules#endpointTests']);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (DROPPED_TRAITS.has(key)) continue;
    out[key] = strip(inner);
  }
  return out;
}

const model = JSON.parse(readFileSync(source, 'utf8')) as unknown;
writeFileSync(target, JSON.stringify(strip(model), null, 1) + '\n');
console.log(`wrote ${target}`);
