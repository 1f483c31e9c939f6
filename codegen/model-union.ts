// The contract: the union of the two pinned Customer Profiles models. The Smithy file is the base for every
// shape it has; the newer botocore file adds what only it has (operations, shapes, structure members, enum
// values) and the length/range bounds it changed since.
import { convertShape, loadBotocore, type BotocoreModel, type BotocoreShape } from './botocore.js';
import { loadModel, NAMESPACE, PRELUDE, serviceShape, type SmithyModel, type SmithyShape } from './model.js';

export const BOTOCORE_SOURCE = 'model/customer-profiles-botocore.json';

/** What the botocore file added to the Smithy file, for the union test and docs. */
export interface UnionAdditions {
  readonly operations: string[];
  readonly shapes: string[];
  readonly members: string[];
  readonly enumValues: string[];
  readonly bounds: string[];
}

const PRELUDE_OF: Record<string, string> = {
  string: 'String', integer: 'Integer', long: 'Long', boolean: 'Boolean', double: 'Double', float: 'Float', timestamp: 'Timestamp', blob: 'Blob',
};

/** A botocore shape with nothing but its type (botocore's `String`) is the Smithy prelude type, not a shape of ours. */
function preludeTarget(shape: BotocoreShape): string | undefined {
  const constrained = shape.enum ?? shape.min ?? shape.max ?? shape.pattern;
  return constrained === undefined ? PRELUDE_OF[shape.type] : undefined;
}

function enumValues(shape: SmithyShape): string[] {
  return Object.entries(shape.members ?? {}).map(([name, member]) => (member.traits?.['smithy.api#enumValue'] as string | undefined) ?? name);
}

export function loadContract(): SmithyModel {
  return unionOf(loadModel(), loadBotocore(BOTOCORE_SOURCE)).model;
}

export function unionOf(smithy: SmithyModel, botocore: BotocoreModel): { model: SmithyModel; added: UnionAdditions } {
  const shapes: Record<string, SmithyShape> = structuredClone(smithy.shapes);
  const added: UnionAdditions = { operations: [], shapes: [], members: [], enumValues: [], bounds: [] };
  const target = (name: string): string => {
    if (shapes[NAMESPACE + name]) return NAMESPACE + name;
    const shape = botocore.shapes[name];
    const prelude = shape && preludeTarget(shape);
    return prelude ? PRELUDE + prelude : NAMESPACE + name;
  };

  for (const [name, shape] of Object.entries(botocore.shapes)) {
    if (shapes[NAMESPACE + name] || preludeTarget(shape)) continue;
    shapes[NAMESPACE + name] = convertShape(shape, target);
    added.shapes.push(name);
  }
  for (const [name, shape] of Object.entries(botocore.shapes)) {
    const existing = shapes[NAMESPACE + name];
    if (!existing || added.shapes.includes(name)) continue;
    const converted = convertShape(shape, target);
    for (const [member, definition] of Object.entries(converted.members ?? {})) {
      if (existing.type === 'structure' && !existing.members?.[member]) {
        existing.members = { ...existing.members, [member]: definition };
        added.members.push(`${name}.${member}`);
      }
      if (existing.type === 'enum' && !enumValues(existing).includes(member)) {
        existing.members = { ...existing.members, [member]: definition };
        added.enumValues.push(`${name}.${member}`);
      }
    }
    for (const bound of ['smithy.api#length', 'smithy.api#range']) {
      const newer = converted.traits?.[bound] as { min?: number; max?: number } | undefined;
      const older = existing.traits?.[bound] as { min?: number; max?: number } | undefined;
      if (!newer) continue;
      const merged = { ...older, ...(newer.min !== undefined && { min: newer.min }), ...(newer.max !== undefined && { max: newer.max }) };
      if (merged.min !== older?.min || merged.max !== older?.max) {
        existing.traits = { ...existing.traits, [bound]: merged };
        added.bounds.push(`${name} ${JSON.stringify(older ?? {})} -> ${JSON.stringify(merged)}`);
      }
    }
  }

  const [serviceId, service] = serviceShape({ shapes });
  const operations = [...(service.operations ?? [])];
  for (const [name, operation] of Object.entries(botocore.operations)) {
    if (shapes[NAMESPACE + name]) continue;
    if (!operation.http) throw new Error(`${BOTOCORE_SOURCE}: ${name} has no http binding`);
    const traits: Record<string, unknown> = {
      'smithy.api#http': { method: operation.http.method, uri: operation.http.requestUri, code: operation.http.responseCode ?? 200 },
      ...(operation.idempotent && { 'smithy.api#idempotent': {} }),
    };
    shapes[NAMESPACE + name] = {
      type: 'operation',
      ...(operation.input && { input: { target: target(operation.input.shape) } }),
      ...(operation.output && { output: { target: target(operation.output.shape) } }),
      errors: (operation.errors ?? []).map((ref) => ({ target: target(ref.shape) })),
      traits,
    };
    for (const [ref, role] of [[operation.input, 'input'], [operation.output, 'output']] as const) {
      const io = ref && shapes[target(ref.shape)];
      if (io) io.traits = { ...io.traits, [`smithy.api#${role}`]: {} };
    }
    operations.push({ target: NAMESPACE + name });
    added.operations.push(name);
  }
  shapes[serviceId] = { ...service, operations };
  return { model: { shapes }, added };
}
