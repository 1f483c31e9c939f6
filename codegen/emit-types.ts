// Emits src/generated/shapes.ts: a TypeScript type for every structure, union and enum of the model.
import { type SmithyModel, DEFAULT_SOURCE, generatedHeader, hasTrait, isOwnShape, resolveShape, shortName, trait } from './model.js';

/** The TypeScript type written for a member that targets `id`. */
export function tsType(model: SmithyModel, id: string): string {
  const shape = resolveShape(model, id);
  switch (shape.type) {
    case 'structure':
    case 'union':
    case 'enum':
    case 'intEnum':
      return shortName(id);
    case 'list':
    case 'set': {
      const inner = tsType(model, shape.member!.target);
      return `Array<${inner}>`;
    }
    case 'map':
      return `Record<string, ${tsType(model, shape.value!.target)}>`;
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'timestamp':
      return 'globalThis.Date';
    case 'blob':
      return 'Uint8Array';
    case 'document':
      return 'unknown';
    default:
      return 'number';
  }
}

export function enumValues(id: string, model: SmithyModel): string[] {
  const shape = resolveShape(model, id);
  return Object.entries(shape.members ?? {}).map(([name, member]) => trait<string>(member, 'enumValue') ?? name);
}

export function emitTypes(model: SmithyModel, source = DEFAULT_SOURCE): string {
  const lines: string[] = [generatedHeader(source), ''];
  const ids = Object.keys(model.shapes).filter(isOwnShape).sort();
  for (const id of ids) {
    const shape = model.shapes[id]!;
    const name = shortName(id);
    if (shape.type === 'enum') {
      const values = enumValues(id, model);
      lines.push(`export type ${name} = ${values.map((v) => JSON.stringify(v)).join(' | ')};`, '');
    } else if (shape.type === 'structure' || shape.type === 'union') {
      if (shape.type === 'union') lines.push('/** A union: exactly one member is set. */');
      lines.push(`export interface ${name} {`);
      for (const [memberName, member] of Object.entries(shape.members ?? {})) {
        const optional = shape.type === 'union' || !hasTrait(member, 'required') ? '?' : '';
        lines.push(`  ${memberName}${optional}: ${tsType(model, member.target)};`);
      }
      lines.push('}', '');
    }
  }
  return lines.join('\n');
}
