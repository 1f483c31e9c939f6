// Reads a vendored botocore model (model/iam/, model/sts/) as a Smithy-shaped model, limited to the
// operations we serve, so the Customer Profiles emitters (shapes, schema, validators) run on it unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, type SmithyMember, type SmithyModel, type SmithyShape } from './model.js';

export interface BotocoreRef {
  shape: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
}

export interface BotocoreShape {
  type: string;
  members?: Record<string, BotocoreRef>;
  required?: string[];
  member?: BotocoreRef;
  key?: BotocoreRef;
  value?: BotocoreRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  flattened?: boolean;
  error?: { code: string; httpStatusCode: number; senderFault?: boolean };
  exception?: boolean;
}

export interface BotocoreOperation {
  http?: { method: string; requestUri: string; responseCode?: number };
  idempotent?: boolean;
  input?: BotocoreRef;
  output?: BotocoreRef & { resultWrapper?: string };
  errors?: BotocoreRef[];
}

export interface BotocoreModel {
  metadata: { apiVersion: string; endpointPrefix: string; protocol: string; xmlNamespace: string; serviceId: string };
  operations: Record<string, BotocoreOperation>;
  shapes: Record<string, BotocoreShape>;
}

/** What the awsQuery emitters need beyond the Smithy view: wrappers and error codes. */
export interface QueryService {
  readonly botocore: BotocoreModel;
  readonly smithy: SmithyModel;
  readonly namespace: string;
  /** The model file, relative to the repository root, for generated headers. */
  readonly source: string;
  readonly operations: readonly string[];
}

export function loadBotocore(relativePath: string): BotocoreModel {
  return JSON.parse(readFileSync(join(repoRoot(), relativePath), 'utf8')) as BotocoreModel;
}

/**
 * Botocore patterns are matched against the whole value (Coral validates with Java's
 * `matches()`), so `[\w+=,.@-]+` must not accept "a b"; Smithy's are searched, so anchor them.
 */
function anchored(pattern: string): string {
  return `^(?:${pattern})$`;
}

/** The Smithy traits of a restJson member bound to the URI, the query string, a header or the status code. */
function bindingTraits(member: BotocoreRef): Record<string, unknown> {
  switch (member.location) {
    case 'uri':
      return { 'smithy.api#httpLabel': {} };
    case 'querystring':
      return { 'smithy.api#httpQuery': member.locationName };
    case 'header':
      return { 'smithy.api#httpHeader': member.locationName };
    case 'headers':
      return { 'smithy.api#httpPrefixHeaders': member.locationName };
    case 'statusCode':
      return { 'smithy.api#httpResponseCode': {} };
    default:
      return {};
  }
}

/** One botocore shape in Smithy's terms; `target` names the Smithy shape a botocore shape name refers to. */
export function convertShape(shape: BotocoreShape, target: (name: string) => string): SmithyShape {
  const ref = (r: BotocoreRef): SmithyMember => ({ target: target(r.shape) });
  const length = shape.min !== undefined || shape.max !== undefined ? { min: shape.min, max: shape.max } : undefined;
  const traits: Record<string, unknown> = {};
  switch (shape.type) {
    case 'structure': {
      if (shape.error) {
        traits['smithy.api#error'] = shape.error.senderFault ? 'client' : 'server';
        traits['smithy.api#httpError'] = shape.error.httpStatusCode;
        traits['aws.protocols#awsQueryError'] = { code: shape.error.code, httpResponseCode: shape.error.httpStatusCode };
      }
      const required = new Set(shape.required ?? []);
      const members = Object.fromEntries(
        Object.entries(shape.members ?? {}).map(([name, member]) => {
          const memberTraits = { ...bindingTraits(member), ...(required.has(name) ? { 'smithy.api#required': {} } : {}) };
          return [name, { target: target(member.shape), ...(Object.keys(memberTraits).length > 0 ? { traits: memberTraits } : {}) }];
        }),
      );
      return { type: 'structure', members, traits };
    }
    case 'list':
      if (length) traits['smithy.api#length'] = length;
      return { type: 'list', member: ref(shape.member!), traits };
    case 'map':
      if (length) traits['smithy.api#length'] = length;
      return { type: 'map', key: ref(shape.key!), value: ref(shape.value!), traits };
    case 'string':
      if (shape.enum) {
        const members = Object.fromEntries(
          shape.enum.map((value) => [value, { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': value } }]),
        );
        return { type: 'enum', members };
      }
      if (length) traits['smithy.api#length'] = length;
      if (shape.pattern !== undefined) traits['smithy.api#pattern'] = anchored(shape.pattern);
      return { type: 'string', traits };
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      if (length) traits['smithy.api#range'] = length;
      return { type: shape.type, traits };
    default:
      return { type: shape.type, traits };
  }
}

/** The Smithy view of `operations` of a botocore model and every shape they reach. */
export function toSmithy(model: BotocoreModel, namespace: string, operations: readonly string[]): SmithyModel {
  const shapes: Record<string, SmithyShape> = {};
  const visit = (name: string): void => {
    const id = namespace + name;
    if (shapes[id]) return;
    const shape = model.shapes[name];
    if (!shape) throw new Error(`botocore model has no shape ${name}`);
    shapes[id] = convertShape(shape, (target) => namespace + target);
    for (const member of Object.values(shape.members ?? {})) visit(member.shape);
    for (const ref of [shape.member, shape.key, shape.value]) if (ref) visit(ref.shape);
  };
  for (const name of operations) {
    const operation = model.operations[name];
    if (!operation) throw new Error(`botocore model has no operation ${name}`);
    for (const ref of [operation.input, operation.output, ...(operation.errors ?? [])]) if (ref) visit(ref.shape);
    shapes[namespace + name] = {
      type: 'operation',
      ...(operation.input ? { input: { target: namespace + operation.input.shape } } : {}),
      ...(operation.output ? { output: { target: namespace + operation.output.shape } } : {}),
      errors: (operation.errors ?? []).map((ref) => ({ target: namespace + ref.shape })),
    };
  }
  shapes[namespace + model.metadata.serviceId] = {
    type: 'service',
    operations: [...operations].sort().map((name) => ({ target: namespace + name })),
  };
  return { shapes };
}

export function loadQueryService(source: string, namespace: string, operations: readonly string[]): QueryService {
  const botocore = loadBotocore(source);
  return { botocore, smithy: toSmithy(botocore, namespace, operations), namespace, source, operations };
}
