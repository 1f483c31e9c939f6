// Fuzzes every implemented operation with inputs generated from the model (issue 12): a few thousand seeded,
// reproducible requests per backend, each of which must be answered without a 5xx, in the service's error
// form when refused — and a refused request must leave the database exactly as it was.
// OPENPROFILES_FUZZ_SEED and OPENPROFILES_FUZZ_REQUESTS change the run; a failure prints the seed to rerun.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateDomainCommand, CreateProfileCommand, GetDomainCommand, PutProfileObjectCommand, PutProfileObjectTypeCommand, TagResourceCommand } from '@aws-sdk/client-customer-profiles';
import { operations, type OperationName } from '../../src/generated/operations.js';
import { registry } from '../../src/operations/index.js';
import { backends } from '../support/backends.js';
import { useInProcessServer, type InProcessServer } from '../support/in-process-server.js';
import { signedFetch } from '../support/signed-fetch.js';
import { Random } from './random.js';
import { toRawCall } from './requests.js';
import { changedTables, openStateReader } from './state-digest.js';
import { ValueGenerator, type Pools } from './values.js';

const SEED = Number(process.env['OPENPROFILES_FUZZ_SEED'] ?? 20_261_207);
const REQUESTS = Number(process.env['OPENPROFILES_FUZZ_REQUESTS'] ?? 1500);
const DOMAIN = 'fuzz';
const TYPE = 'Thing';
const ARN_PREFIX = 'arn:aws:profile:us-east-1:000000000000';
/** Written by any authenticated request, refused or not: when its key was last used (GetAccessKeyLastUsed). */
const BOOKKEEPING_TABLES = new Set(['access_keys']);

interface Finding {
  readonly index: number;
  readonly operation: string;
  readonly problem: string;
  readonly request: string;
}

function documentsFrom(random: Random): () => string {
  return () => {
    const roll = random.next();
    if (roll < 0.05) return `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
    if (roll < 0.1) return '{"email": "x@example.com", "id": "1", "\\u0000": "nul", "name": "a\\u0000b"}';
    if (roll < 0.15) return '{"__proto__": {"email": "polluted@example.com"}, "id": "p1", "constructor": {"prototype": {"x": 1}}}';
    if (roll < 0.2) return random.pick(['[]', 'null', '"text"', '{', '{"id": 1e400}', '{"id": ""}']);
    const doc: Record<string, unknown> = {
      id: String(random.int(1, 40)),
      email: `person${random.int(1, 15)}@example.com`,
      name: random.pick(['Ada', 'Grace Hopper', 'ñandú', '']),
    };
    if (random.chance(0.3)) doc['items'] = Array.from({ length: random.int(0, 50) }, (_, i) => ({ sku: `s${i}`, n: i }));
    if (random.chance(0.1)) doc['name'] = 'n'.repeat(random.int(250, 4000));
    return JSON.stringify(doc);
  };
}

async function buildWorld(server: InProcessServer, pools: Pools): Promise<void> {
  const client = server.client;
  const exists = await client.send(new GetDomainCommand({ DomainName: DOMAIN })).then(
    () => true,
    () => false,
  );
  if (!exists) await client.send(new CreateDomainCommand({ DomainName: DOMAIN, DefaultExpirationDays: 30, Tags: { team: 'fuzz' } }));
  await client.send(
    new PutProfileObjectTypeCommand({
      DomainName: DOMAIN,
      ObjectTypeName: TYPE,
      Description: 'fuzzed things',
      AllowProfileCreation: true,
      Fields: {
        email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' },
        id: { Source: '_source.id', ContentType: 'STRING' },
        name: { Source: '{{_source.name}}', Target: '_profile.Attributes.name', ContentType: 'STRING' },
      },
      Keys: { _email: [{ FieldNames: ['email'], StandardIdentifiers: ['PROFILE'] }], id: [{ FieldNames: ['id'], StandardIdentifiers: ['UNIQUE'] }] },
    }),
  );
  for (let i = 0; i < 3; i++) {
    const created = await client.send(new CreateProfileCommand({ DomainName: DOMAIN, FirstName: `P${i}`, EmailAddress: `person${i}@example.com`, Attributes: { tier: 'gold' } }));
    pools.profileIds.push(created.ProfileId!);
  }
  await client.send(new PutProfileObjectCommand({ DomainName: DOMAIN, ObjectTypeName: TYPE, Object: JSON.stringify({ id: '1', email: 'person1@example.com', name: 'Ada' }) }));
  await client.send(new TagResourceCommand({ resourceArn: `${ARN_PREFIX}:domains/${DOMAIN}`, tags: { env: 'test' } }));
}

/** What a successful call adds to the world, so later requests can name it. */
function remember(name: OperationName, input: Record<string, unknown>, output: Record<string, unknown> | undefined, pools: Pools): void {
  if (name === 'CreateDomain' && typeof input['DomainName'] === 'string') pools.domainNames.push(input['DomainName']);
  if (name === 'CreateProfile' && typeof output?.['ProfileId'] === 'string') pools.profileIds.push(output['ProfileId']);
  if (name === 'PutProfileObjectType' && typeof input['ObjectTypeName'] === 'string') pools.objectTypeNames.push(input['ObjectTypeName']);
}

for (const backend of backends()) {
  describe(`fuzzing every implemented operation on ${backend.name}`, { skip: backend.skip }, () => {
    const server = useInProcessServer(backend.name, () => new Date());

    test(`${REQUESTS} generated requests (seed ${SEED}): no 5xx, refusals in the error form, no write on a refusal`, { timeout: 20 * 60_000 }, async () => {
      const random = new Random(SEED);
      const pools: Pools = {
        domainNames: [DOMAIN, DOMAIN, 'absent-domain'],
        objectTypeNames: [TYPE, TYPE, '_profile', 'Absent', 'CTR'],
        profileIds: ['0'.repeat(32)],
        keyNames: ['_email', '_phone', '_profileId', '_fullName', '_account', 'id', 'custom'],
        resourceArns: [`${ARN_PREFIX}:domains/${DOMAIN}`, `${ARN_PREFIX}:domains/${DOMAIN}/object-types/${TYPE}`, `${ARN_PREFIX}:domains/absent`, 'arn:aws:profile:us-east-1:999999999999:domains/x'],
        integrationUris: ['arn:aws:flow:us-east-1:000000000000:flow/f', 's3://bucket/prefix', 'https://example.com/x'],
        templateIds: ['Salesforce-Account', 'Zendesk-Users', 'Absent-Template', 'CTR-NoInferred'],
        objectDocuments: documentsFrom(random),
      };
      const running = server();
      await buildWorld(running, pools);
      const generator = new ValueGenerator(random, pools);
      const implemented = Object.keys(registry) as OperationName[];
      const reader = await openStateReader(running.container.config.database);
      const findings: Finding[] = [];
      const statuses = new Map<number, number>();
      try {
        let state = await reader.digest();
        for (let index = 0; index < REQUESTS && findings.length < 25; index++) {
          const name = random.pick(implemented);
          const operation = operations[name];
          const input = generator.structure(operation.input);
          const call = toRawCall(operation, input, random);
          const response = await signedFetch(running.endpoint, running.root, call);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const record = (problem: string) =>
            findings.push({ index, operation: name, problem, request: `${call.method} ${call.path.slice(0, 200)} ${String(call.body ?? '').slice(0, 400)}` });
          const after = await reader.digest();
          if (response.status >= 500) record(`${response.status} ${response.text.slice(0, 300)}`);
          if (response.status >= 400) {
            if (!response.headers.get('x-amzn-errortype') || typeof response.json?.['Message'] !== 'string') record(`refusal not in the error form: ${response.status} ${response.text.slice(0, 200)}`);
            const changed = changedTables(state, after).filter((table) => !BOOKKEEPING_TABLES.has(table));
            if (changed.length > 0) record(`${response.status} ${response.headers.get('x-amzn-errortype')} but wrote to ${changed.join(', ')}`);
          } else {
            remember(name, input, response.json, pools);
            if (name === 'DeleteDomain' || name === 'DeleteProfileObjectType') await buildWorld(running, pools);
          }
          state = name === 'DeleteDomain' || name === 'DeleteProfileObjectType' ? await reader.digest() : after;
        }
      } finally {
        await reader.close();
      }
      const summary = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`).join(', ');
      console.log(`# fuzz ${backend.name}, seed ${SEED}: ${summary}`);
      assert.ok((statuses.get(200) ?? 0) > REQUESTS / 20, `too few requests succeeded to reach deep code (${summary})`);
      assert.deepEqual(
        findings.map((f) => `#${f.index} ${f.operation}: ${f.problem}\n    ${f.request}`),
        [],
        `seed ${SEED} (rerun with OPENPROFILES_FUZZ_SEED=${SEED}); statuses ${summary}`,
      );
    });
  });
}
