// Input values for any shape of the model: mostly plausible (names that exist, lengths inside the model's bounds)
// so requests reach deep into the service, and often hostile (just outside a bound, NUL, lone surrogates,
// prototype keys, huge collections, wrong JSON types) so every refusal path is walked too.
import { schema } from '../../src/generated/schema.js';
import { constraintsOf, type ShapeConstraints } from './constraints.js';
import type { Random } from './random.js';

/** Names the fuzzed world holds, so that generated requests find things. */
export interface Pools {
  readonly domainNames: string[];
  readonly objectTypeNames: string[];
  readonly profileIds: string[];
  readonly keyNames: string[];
  readonly resourceArns: string[];
  readonly integrationUris: string[];
  readonly templateIds: string[];
  readonly objectDocuments: () => string;
}

const MAX_DEPTH = 6;

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '\ud800',
  '\udfff\ud800',
  '💥𝔘nicode ñ',
  '\u202e\u200b',
  '../../etc/passwd',
  "' OR 1=1 --",
  '%00%2F%2e%2e',
  '\r\nx-injected: 1',
  '{{#each _source}}{{#each _source}}{{#each _source}}{{this}}{{/each}}{{/each}}{{/each}}',
  '{{lookup _source "__proto__"}}',
  '_source.__proto__',
  '_source.constructor',
  '*',
  '$',
  'arn:aws:profile:us-east-1:000000000000:domains/fuzz',
  'arn:aws:profile:us-east-1:999999999999:domains/other',
];

const WRONG_TYPES: readonly unknown[] = [null, 0, -1, 1.5, true, false, {}, [], ['x'], { a: 1 }, 'string'];

/** Samplers for the model's patterns: each draws a string the pattern accepts. */
const PATTERN_SAMPLERS: Readonly<Record<string, (random: Random, length: number) => string>> = {
  '^[a-f0-9]{32}$': (r) => r.text('0123456789abcdef', 32),
  '^[a-zA-Z0-9_-]+$': (r, n) => r.text('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-', n),
  '^[a-zA-Z_][a-zA-Z_0-9-]*$': (r, n) => r.text('abcdefghijklmnopqrstuvwxyz_', 1) + r.text('abcdefghijklmnopqrstuvwxyz_0123456789-', n - 1),
  '^[a-zA-Z_][a-zA-Z_0-9-\\s]*$': (r, n) => r.text('abcdefghijklmnopqrstuvwxyz_', 1) + r.text('abcdefghij_0123456789- ', n - 1),
  '^[a-zA-Z0-9_.-]+$': (r, n) => r.text('abcdefghijklmnopqrstuvwxyz0123456789_.-', n),
  '^[a-z0-9.-]+$': (r, n) => r.text('abcdefghijklmnopqrstuvwxyz0123456789.-', n),
  '^([0-9]|0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]$': (r) => `${r.int(0, 23)}:${String(r.int(0, 59)).padStart(2, '0')}`,
  '^[A-Za-z0-9_]+$': (r, n) => r.text('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_', n),
  '^[a-zA-Z0-9][\\w!@#.-]+$': (r, n) => r.text('abc', 1) + r.text('abcdefghijklmnopqrstuvwxyz0123456789_!@#.-', Math.max(1, n - 1)),
  '^[\\w/!@#+=.-]+$': (r, n) => r.text('abcdefghijklmnopqrstuvwxyz0123456789_/!@#+=.-', n),
  '^\\S+$': (r, n) => r.text('abcdefghijklmnopqrstuvwxyz0123456789!$%&/()=?', n),
  '^arn:aws:kms:.*:[0-9]+:': (r) => `arn:aws:kms:us-east-1:${r.text('0123456789', 12)}:key/${r.text('abcdef0123456789', 8)}`,
  '^arn:aws:iam:.*:[0-9]+:': (r) => `arn:aws:iam::${r.text('0123456789', 12)}:role/${r.text('abcdef', 6)}`,
};

/** Member names whose values should usually name something that exists. */
function poolFor(memberName: string | undefined, pools: Pools): readonly string[] | undefined {
  switch (memberName) {
    case 'DomainName':
      return pools.domainNames;
    case 'ObjectTypeName':
    case 'ObjectTypeNames':
      return pools.objectTypeNames;
    case 'ProfileId':
    case 'MainProfileId':
    case 'ProfileIds':
    case 'ProfileIdsToBeMerged':
    case 'ProfileIdToBeMerged':
      return pools.profileIds;
    case 'KeyName':
      return pools.keyNames;
    case 'ResourceArn':
    case 'resourceArn':
      return pools.resourceArns;
    case 'Uri':
      return pools.integrationUris;
    case 'TemplateId':
      return pools.templateIds;
    default:
      return undefined;
  }
}

export class ValueGenerator {
  constructor(
    private readonly random: Random,
    private readonly pools: Pools,
    /** How often a value is deliberately wrong. */
    private readonly hostility = 0.12,
  ) {}

  /** A value for shape `key`, reached as member `memberName` (which picks a pool of existing names). */
  value(key: string, memberName?: string, depth = 0): unknown {
    const r = this.random;
    if (depth > 0 && r.chance(this.hostility / 4)) return r.pick(WRONG_TYPES);
    const shape = schema[key];
    if (!shape) return r.pick(HOSTILE_STRINGS);
    const constraints = constraintsOf(key);
    switch (shape.kind) {
      case 'structure':
      case 'union':
        return depth >= MAX_DEPTH ? {} : this.structure(key, depth);
      case 'list': {
        if (r.chance(this.hostility / 3)) return r.chance(0.5) ? r.pick(WRONG_TYPES) : Array.from({ length: r.int(101, 400) }, () => this.value(shape.member, memberName, depth + 1));
        const length = r.int(constraints.minLength ?? 0, Math.min(constraints.maxLength ?? 3, 3));
        return Array.from({ length }, () => this.value(shape.member, memberName, depth + 1));
      }
      case 'map': {
        const out: Record<string, unknown> = {};
        if (r.chance(this.hostility / 3)) {
          const hostile = r.int(0, 2);
          if (hostile === 0) Object.defineProperty(out, '__proto__', { value: this.value(shape.value, undefined, depth + 1), enumerable: true });
          else if (hostile === 1) for (let i = 0; i < r.int(200, 2000); i++) out[`k${i}`] = this.value(shape.value, undefined, depth + 1);
          else return r.pick(WRONG_TYPES);
          return out;
        }
        const entries = r.int(0, 3);
        for (let i = 0; i < entries; i++) out[String(this.value(shape.key, undefined, depth + 1))] = this.value(shape.value, undefined, depth + 1);
        return out;
      }
      case 'enum':
        return r.chance(this.hostility) ? r.pick(['', 'NOT_A_VALUE', shape.values[0]?.toLowerCase() ?? 'x']) : r.pick(shape.values);
      case 'string':
        return this.string(key, memberName, constraints);
      case 'boolean':
        return r.chance(this.hostility) ? r.pick(['true', 1, null]) : r.chance(0.5);
      case 'timestamp':
        return r.chance(this.hostility) ? r.pick([-1, 1e15, 1e308, '2026-01-01T00:00:00Z', 0]) : Math.round(Date.now() / 1000) + r.int(-86_400 * 30, 86_400 * 30);
      case 'integer':
      case 'long':
      case 'double':
      case 'float':
        return this.number(shape.kind, constraints);
      case 'document':
        return r.chance(0.5) ? { a: [1, 'b', null] } : r.pick(WRONG_TYPES);
      case 'blob':
        return Buffer.from(r.text('abc', 8)).toString('base64');
      default:
        return null;
    }
  }

  /** A structure's members: required ones nearly always, optional ones sometimes, now and then an unknown one. */
  structure(key: string, depth = 0): Record<string, unknown> {
    const shape = schema[key];
    if (!shape || (shape.kind !== 'structure' && shape.kind !== 'union')) return {};
    const r = this.random;
    const out: Record<string, unknown> = {};
    const members = Object.entries(shape.members);
    const unionPick = shape.kind === 'union' && members.length > 0 ? r.pick(members)[0] : undefined;
    for (const [name, member] of members) {
      if (member.location === 'statusCode') continue;
      const wanted = unionPick !== undefined ? name === unionPick : member.required ? r.chance(0.96) : r.chance(0.35);
      if (!wanted) continue;
      out[name] = this.special(key, name) ?? this.value(member.target, name, depth + 1);
    }
    if (r.chance(this.hostility / 4)) out['UnknownMember'] = 'ignored';
    return out;
  }

  /** Members whose text is itself a document or template, where plain random text would never get far. */
  private special(structure: string, member: string): unknown {
    const r = this.random;
    if (structure === 'PutProfileObjectRequest' && member === 'Object') return this.pools.objectDocuments();
    if (structure === 'ObjectTypeField' && member === 'Source' && !r.chance(this.hostility)) {
      return r.pick(['_source.email', '_source.id', '_source.name', '_source.a.b', '{{_source.name}} {{_source.email}}', '{{#each _source.items}}{{this}},{{/each}}']);
    }
    return undefined;
  }

  private string(key: string, memberName: string | undefined, constraints: ShapeConstraints): unknown {
    const r = this.random;
    const pool = poolFor(memberName, this.pools);
    if (r.chance(this.hostility)) {
      const roll = r.int(0, 3);
      if (roll === 0) return r.pick(WRONG_TYPES);
      if (roll === 1 && constraints.maxLength !== undefined) return 'a'.repeat(constraints.maxLength + 1);
      if (roll === 2) return 'x'.repeat(r.int(300, 70_000));
      return r.pick(HOSTILE_STRINGS);
    }
    if (pool && pool.length > 0 && r.chance(0.8)) return r.pick(pool);
    const min = Math.max(constraints.minLength ?? 1, 1);
    const max = Math.min(constraints.maxLength ?? 24, 24);
    const length = r.int(min, Math.max(min, max));
    const sampler = constraints.pattern === undefined ? undefined : PATTERN_SAMPLERS[constraints.pattern];
    if (sampler) return sampler(r, length);
    if (constraints.pattern !== undefined && constraints.pattern !== '.*' && constraints.pattern !== '^.+$') return r.text('abcdefghijklmnop', length);
    return r.chance(0.2) ? r.pick(['ada@example.com', '+1 206 555 0100', 'Ada Lovelace', '2020-01-01', 'ñandú 🦤']) : r.text('abcdefghijklmnopqrstuvwxyz 0123456789', length);
  }

  private number(kind: string, constraints: ShapeConstraints): unknown {
    const r = this.random;
    if (r.chance(this.hostility)) return r.pick([-1, 0, 2 ** 31, 2 ** 53 + 2, 1e308, 1.5, '7', null, -0]);
    const min = constraints.min ?? 0;
    const max = Math.min(constraints.max ?? 1000, min + 1000);
    const value = r.int(min, max);
    return kind === 'double' || kind === 'float' ? value + (r.chance(0.5) ? 0.25 : 0) : value;
  }
}
