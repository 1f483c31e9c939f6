// Emits src/generated/validators.ts: one checking function per input shape, covering every
// constraint of the model (required, type, length, range, pattern, enum, union).
import { type SmithyModel, DEFAULT_SOURCE, generatedHeader, hasTrait, resolveShape, trait } from './model.js';
import { enumValues } from './emit-types.js';
import { schemaKey } from './emit-schema.js';

interface Length { min?: number; max?: number }

const RUNTIME = `export type Violation =
  | { readonly path: string; readonly rule: 'required' | 'union' }
  | { readonly path: string; readonly rule: 'type'; readonly expected: string }
  | { readonly path: string; readonly rule: 'minLength' | 'maxLength' | 'min' | 'max'; readonly limit: number }
  | { readonly path: string; readonly rule: 'pattern'; readonly pattern: string }
  | { readonly path: string; readonly rule: 'enum'; readonly values: readonly string[] };

export type Check = (value: unknown, path: string, out: Violation[]) => void;

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** Smithy measures string length in Unicode code points. */
export function codePoints(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) i++;
    count++;
  }
  return count;
}

export function checkLength(size: number, min: number | undefined, max: number | undefined, path: string, out: Violation[]): void {
  if (min !== undefined && size < min) out.push({ path, rule: 'minLength', limit: min });
  if (max !== undefined && size > max) out.push({ path, rule: 'maxLength', limit: max });
}

export function checkRange(value: number, min: number | undefined, max: number | undefined, path: string, out: Violation[]): void {
  if (min !== undefined && value < min) out.push({ path, rule: 'min', limit: min });
  if (max !== undefined && value > max) out.push({ path, rule: 'max', limit: max });
}

export function join(path: string, member: string): string {
  return path === '' ? member : path + '.' + member;
}
`;

function fnName(id: string): string {
  return 'check_' + schemaKey(id).replace(/[^A-Za-z0-9_]/g, '_');
}

function lit(value: number | undefined): string {
  return value === undefined ? 'undefined' : String(value);
}

class Emitter {
  private readonly done = new Set<string>();
  private readonly functions: string[] = [];
  private readonly patterns = new Map<string, string>();

  constructor(private readonly model: SmithyModel) {}

  private pattern(source: string): string {
    let name = this.patterns.get(source);
    if (!name) {
      new RegExp(source, source.includes('\\p{') ? 'u' : ''); // fail code generation on a pattern ECMAScript cannot compile
      name = `PATTERN_${this.patterns.size}`;
      this.patterns.set(source, name);
    }
    return name;
  }

  visit(id: string): string {
    const name = fnName(id);
    if (this.done.has(id)) return name;
    this.done.add(id);
    const shape = resolveShape(this.model, id);
    const length = trait<Length>(shape, 'length');
    const range = trait<Length>(shape, 'range');
    const body: string[] = [];
    switch (shape.type) {
      case 'structure':
      case 'union': {
        body.push(`if (!isObject(value)) { out.push({ path, rule: 'type', expected: 'structure' }); return; }`);
        if (shape.type === 'union') {
          body.push(`if (Object.values(value).filter((v) => v !== undefined).length !== 1) out.push({ path, rule: 'union' });`);
        }
        for (const [memberName, member] of Object.entries(shape.members ?? {})) {
          if (hasTrait(member, 'httpResponseCode')) continue;
          const key = JSON.stringify(memberName);
          const check = this.visit(member.target);
          const required = hasTrait(member, 'required') && shape.type === 'structure';
          body.push(
            required
              ? `if (value[${key}] === undefined) out.push({ path: join(path, ${key}), rule: 'required' }); else ${check}(value[${key}], join(path, ${key}), out);`
              : `if (value[${key}] !== undefined) ${check}(value[${key}], join(path, ${key}), out);`,
          );
        }
        break;
      }
      case 'list':
      case 'set': {
        const check = this.visit(shape.member!.target);
        body.push(`if (!Array.isArray(value)) { out.push({ path, rule: 'type', expected: 'list' }); return; }`);
        if (length) body.push(`checkLength(value.length, ${lit(length.min)}, ${lit(length.max)}, path, out);`);
        body.push(`value.forEach((item, i) => ${check}(item, path + '[' + i + ']', out));`);
        break;
      }
      case 'map': {
        const checkKey = this.visit(shape.key!.target);
        const checkValue = this.visit(shape.value!.target);
        body.push(`if (!isObject(value)) { out.push({ path, rule: 'type', expected: 'map' }); return; }`);
        const entries = 'Object.keys(value).length';
        if (length) body.push(`checkLength(${entries}, ${lit(length.min)}, ${lit(length.max)}, path, out);`);
        body.push(`for (const [k, v] of Object.entries(value)) { ${checkKey}(k, path + '.key', out); ${checkValue}(v, path + '[' + JSON.stringify(k) + ']', out); }`);
        break;
      }
      case 'string': {
        body.push(`if (typeof value !== 'string') { out.push({ path, rule: 'type', expected: 'string' }); return; }`);
        if (length) body.push(`checkLength(codePoints(value), ${lit(length.min)}, ${lit(length.max)}, path, out);`);
        const pattern = trait<string>(shape, 'pattern');
        if (pattern !== undefined) {
          body.push(`if (!${this.pattern(pattern)}.test(value)) out.push({ path, rule: 'pattern', pattern: ${JSON.stringify(pattern)} });`);
        }
        break;
      }
      case 'enum': {
        const values = JSON.stringify(enumValues(id, this.model));
        body.push(`if (typeof value !== 'string') { out.push({ path, rule: 'type', expected: 'string' }); return; }`);
        body.push(`const values: readonly string[] = ${values};`);
        body.push(`if (!values.includes(value)) out.push({ path, rule: 'enum', values });`);
        break;
      }
      case 'boolean':
        body.push(`if (typeof value !== 'boolean') out.push({ path, rule: 'type', expected: 'boolean' });`);
        break;
      case 'timestamp':
        body.push(`if (!(value instanceof Date) || Number.isNaN(value.getTime())) out.push({ path, rule: 'type', expected: 'timestamp' });`);
        break;
      case 'integer':
      case 'long':
      case 'short':
      case 'byte':
      case 'intEnum': {
        body.push(`if (typeof value !== 'number' || !Number.isSafeInteger(value)) { out.push({ path, rule: 'type', expected: 'integer' }); return; }`);
        if (range) body.push(`checkRange(value, ${lit(range.min)}, ${lit(range.max)}, path, out);`);
        break;
      }
      case 'double':
      case 'float': {
        body.push(`if (typeof value !== 'number' || !Number.isFinite(value)) { out.push({ path, rule: 'type', expected: 'number' }); return; }`);
        if (range) body.push(`checkRange(value, ${lit(range.min)}, ${lit(range.max)}, path, out);`);
        break;
      }
      default:
        break;
    }
    const params = body.length === 0 ? '_value: unknown, _path: string, _out: Violation[]' : 'value: unknown, path: string, out: Violation[]';
    this.functions.push(`const ${name}: Check = (${params}) => {\n  ${body.join('\n  ')}\n};\n`);
    return name;
  }

  render(inputs: string[], source: string, runtimeModule: string): string {
    // Unicode property escapes (`\\p{L}`, in IAM's tag patterns) only mean something with the u flag.
    const flags = (source: string) => (source.includes('\\p{') ? ", 'u'" : '');
    const patterns = [...this.patterns].map(([source, name]) => `const ${name} = new RegExp(${JSON.stringify(source)}${flags(source)});`);
    const table = inputs.map((id) => `  ${JSON.stringify(schemaKey(id))}: (value) => { const out: Violation[] = []; ${fnName(id)}(value, '', out); return out; },`);
    return [
      generatedHeader(source),
      '/* eslint-disable */',
      `import { checkLength, checkRange, codePoints, isObject, join, type Check, type Violation } from '${runtimeModule}';`,
      '',
      `export type { Violation } from '${runtimeModule}';`,
      '',
      ...patterns,
      '',
      ...this.functions,
      '/** Validators of every operation input shape, keyed by shape name; each returns the violations found. */',
      'export const inputValidators: Readonly<Record<string, (value: unknown) => Violation[]>> = {',
      ...table,
      '};',
      '',
    ].join('\n');
  }
}

/** The helpers every generated validators file imports (emitted once, as validation-runtime.ts). */
export function emitValidationRuntime(): string {
  return [generatedHeader('codegen/emit-validators.ts'), '', RUNTIME].join('\n');
}

export function emitValidators(model: SmithyModel, source = DEFAULT_SOURCE, runtimeModule = './validation-runtime.js'): string {
  const emitter = new Emitter(model);
  const inputs = Object.values(model.shapes)
    .filter((shape) => shape.type === 'operation' && shape.input)
    .map((shape) => shape.input!.target)
    .sort();
  for (const id of inputs) emitter.visit(id);
  return emitter.render(inputs, source, runtimeModule);
}
