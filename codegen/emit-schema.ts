// Emits src/generated/schema.ts: runtime descriptors of every shape, used by the restJson1 codec.
import { type SmithyModel, DEFAULT_SOURCE, generatedHeader, hasTrait, isOwnShape, resolveShape, shortName, trait } from './model.js';
import { enumValues } from './emit-types.js';

const SCHEMA_TYPES = `export type ShapeSchema =
  | { readonly kind: 'structure' | 'union'; readonly members: Readonly<Record<string, MemberSchema>> }
  | { readonly kind: 'list'; readonly member: string }
  | { readonly kind: 'map'; readonly key: string; readonly value: string }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'string' | 'boolean' | 'timestamp' | 'integer' | 'long' | 'double' | 'float' | 'blob' | 'document' };

export type MemberLocation = 'label' | 'query' | 'header' | 'statusCode';

export interface MemberSchema {
  /** Key of the target shape in \`schema\`. */
  readonly target: string;
  /** The member's JSON property name on the wire. */
  readonly jsonName: string;
  readonly required?: true;
  /** Absent for body members. */
  readonly location?: MemberLocation;
  /** Label, query parameter or header name. */
  readonly locationName?: string;
}
`;

/** Key under which a shape id appears in the runtime schema. */
export function schemaKey(id: string): string {
  return isOwnShape(id) ? shortName(id) : id;
}

function location(member: { traits?: Record<string, unknown> }, memberName: string): string {
  if (hasTrait(member, 'httpLabel')) return `, location: 'label', locationName: ${JSON.stringify(memberName)}`;
  const query = trait<string>(member, 'httpQuery');
  if (query !== undefined) return `, location: 'query', locationName: ${JSON.stringify(query)}`;
  const header = trait<string>(member, 'httpHeader');
  if (header !== undefined) return `, location: 'header', locationName: ${JSON.stringify(header)}`;
  if (hasTrait(member, 'httpResponseCode')) return `, location: 'statusCode'`;
  return '';
}

function collect(model: SmithyModel): string[] {
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const shape = resolveShape(model, id);
    for (const member of Object.values(shape.members ?? {})) if (shape.type !== 'enum') visit(member.target);
    for (const ref of [shape.member, shape.key, shape.value]) if (ref) visit(ref.target);
  };
  for (const [id, shape] of Object.entries(model.shapes)) {
    if (shape.type === 'operation') {
      if (shape.input) visit(shape.input.target);
      if (shape.output) visit(shape.output.target);
      for (const error of shape.errors ?? []) visit(error.target);
    }
  }
  return [...seen].sort();
}

function describe(model: SmithyModel, id: string): string {
  const shape = resolveShape(model, id);
  switch (shape.type) {
    case 'structure':
    case 'union': {
      const members = Object.entries(shape.members ?? {}).map(([name, member]) => {
        const jsonName = trait<string>(member, 'jsonName') ?? name;
        const required = hasTrait(member, 'required') ? ', required: true' : '';
        return `    ${JSON.stringify(name)}: { target: ${JSON.stringify(schemaKey(member.target))}, jsonName: ${JSON.stringify(jsonName)}${required}${location(member, name)} },`;
      });
      return `{ kind: '${shape.type}', members: {\n${members.join('\n')}\n  } }`;
    }
    case 'list':
    case 'set':
      return `{ kind: 'list', member: ${JSON.stringify(schemaKey(shape.member!.target))} }`;
    case 'map':
      return `{ kind: 'map', key: ${JSON.stringify(schemaKey(shape.key!.target))}, value: ${JSON.stringify(schemaKey(shape.value!.target))} }`;
    case 'enum':
      return `{ kind: 'enum', values: ${JSON.stringify(enumValues(id, model))} }`;
    case 'short':
    case 'byte':
    case 'bigInteger':
      return `{ kind: 'long' }`;
    case 'bigDecimal':
      return `{ kind: 'double' }`;
    default:
      return `{ kind: '${shape.type}' }`;
  }
}

/** The schema's types, emitted once as schema-types.ts. */
export function emitSchemaTypes(): string {
  return [generatedHeader('codegen/emit-schema.ts'), '', SCHEMA_TYPES].join('\n');
}

export function emitSchema(model: SmithyModel, source = DEFAULT_SOURCE, typesModule = './schema-types.js'): string {
  const entries = collect(model).map((id) => `  ${JSON.stringify(schemaKey(id))}: ${describe(model, id)},`);
  return [
    generatedHeader(source),
    `import type { ShapeSchema } from '${typesModule}';`,
    '',
    `export type { MemberLocation, MemberSchema, ShapeSchema } from '${typesModule}';`,
    '',
    'export const schema: Readonly<Record<string, ShapeSchema>> = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}
