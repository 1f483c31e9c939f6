// Loads model/customer-profiles.json, applies model/patches.json and exposes typed views of its shapes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyJsonPatch, type PatchOperation } from './json-patch.js';

export interface SmithyMember {
  target: string;
  traits?: Record<string, unknown>;
}

export interface SmithyShape {
  type: string;
  members?: Record<string, SmithyMember>;
  member?: SmithyMember;
  key?: SmithyMember;
  value?: SmithyMember;
  input?: { target: string };
  output?: { target: string };
  errors?: { target: string }[];
  operations?: { target: string }[];
  traits?: Record<string, unknown>;
}

export interface SmithyModel {
  shapes: Record<string, SmithyShape>;
}

export const NAMESPACE = 'com.amazonaws.customerprofiles#';
export const PRELUDE = 'smithy.api#';

/** The repository root: the nearest folder above this file that holds model/ (works from codegen/ and dist/codegen/). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'model', 'customer-profiles.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find model/customer-profiles.json above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export function loadModel(): SmithyModel {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(repoRoot(), 'model', name), 'utf8'));
  return applyJsonPatch(read('customer-profiles.json'), read('patches.json') as PatchOperation[]) as SmithyModel;
}

/** `com.amazonaws.customerprofiles#Foo` -> `Foo`; prelude shapes keep their own name (`smithy.api#String` -> `String`). */
export function shortName(id: string): string {
  const hash = id.indexOf('#');
  return hash < 0 ? id : id.slice(hash + 1);
}

const PRELUDE_TYPES: Record<string, string> = {
  String: 'string', Boolean: 'boolean', PrimitiveBoolean: 'boolean', Integer: 'integer', PrimitiveInteger: 'integer',
  Long: 'long', PrimitiveLong: 'long', Double: 'double', PrimitiveDouble: 'double', Float: 'float',
  Timestamp: 'timestamp', Document: 'document', Blob: 'blob', Unit: 'structure',
};

/** The shape a target refers to, resolving prelude targets (smithy.api#String…) to synthetic shapes. */
export function resolveShape(model: SmithyModel, id: string): SmithyShape {
  const shape = model.shapes[id];
  if (shape) return shape;
  if (id.startsWith(PRELUDE)) {
    const type = PRELUDE_TYPES[shortName(id)];
    if (type) return type === 'structure' ? { type, members: {} } : { type };
  }
  throw new Error(`unknown shape ${id}`);
}

export function trait<T = unknown>(owner: { traits?: Record<string, unknown> } | undefined, name: string): T | undefined {
  return owner?.traits?.[name.includes('#') ? name : PRELUDE + name] as T | undefined;
}

export function hasTrait(owner: { traits?: Record<string, unknown> } | undefined, name: string): boolean {
  return trait(owner, name) !== undefined;
}

export function serviceShape(model: SmithyModel): [string, SmithyShape] {
  const found = Object.entries(model.shapes).find(([, shape]) => shape.type === 'service');
  if (!found) throw new Error('model has no service shape');
  return found;
}

/** Operation ids of the service, sorted by name. */
export function operationIds(model: SmithyModel): string[] {
  const [, service] = serviceShape(model);
  return (service.operations ?? []).map((ref) => ref.target).sort((a, b) => shortName(a).localeCompare(shortName(b)));
}
