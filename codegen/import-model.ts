// Imports the pinned Customer Profiles models from ../shared/aws-model into model/, with documentation stripped:
// the Smithy file and the newer botocore file whose additions codegen/model-union.ts merges in.
// Run by hand when a pinned model changes: `npm run model:import`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SOURCES: readonly { from: string; to: string; dropped: ReadonlySet<string> }[] = [
  {
    from: '../../shared/aws-model/customer-profiles.smithy.json',
    to: '../model/customer-profiles.json',
    dropped: new Set(['smithy.api#documentation', 'smithy.api#examples', 'smithy.rules#endpointTests']),
  },
  {
    from: '../../shared/aws-model/botocore-service-2.json',
    to: '../model/customer-profiles-botocore.json',
    dropped: new Set(['documentation', 'documentationUrl', 'deprecatedMessage']),
  },
];

function strip(value: unknown, dropped: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((inner) => strip(inner, dropped));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (dropped.has(key)) continue;
    out[key] = strip(inner, dropped);
  }
  return out;
}

for (const { from, to, dropped } of SOURCES) {
  const target = fileURLToPath(new URL(to, import.meta.url));
  const model = JSON.parse(readFileSync(fileURLToPath(new URL(from, import.meta.url)), 'utf8')) as unknown;
  writeFileSync(target, JSON.stringify(strip(model, dropped), null, 1) + '\n');
  console.log(`wrote ${target}`);
}
