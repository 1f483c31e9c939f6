// A definition prepared for the write path: its expression, filter and timestamp source, compiled once per version.
import type { DefinitionVersion } from '../../storage/calculated-attribute-ports.js';
import type { Scope } from '../../storage/ports.js';
import type { Filter } from '../../generated/shapes.js';
import type { CalculatedAttributeDefinition } from './definition.js';
import { timestampPath } from './definition.js';
import { parseExpression, type ParsedExpression } from './expression.js';

export interface CompiledDefinition {
  readonly name: string;
  readonly expression: ParsedExpression;
  readonly filter?: Filter;
  readonly timestampPath?: string;
  readonly timestampFormat?: 'EPOCHMILLI' | 'ISO_8601';
}

const CACHE_LIMIT = 5000;
const cache = new Map<string, CompiledDefinition>();

/** The compiled form of one version of a definition, parsed from its stored JSON only on a cache miss. */
export function compileDefinition(scope: Scope, domainName: string, record: DefinitionVersion): CompiledDefinition {
  const key = `${scope.accountId}\u0000${scope.region}\u0000${domainName}\u0000${record.name}\u0000${record.createdAt.getTime()}\u0000${record.lastUpdatedAt.getTime()}`;
  let compiled = cache.get(key);
  if (!compiled) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const definition = JSON.parse(record.definitionJson) as CalculatedAttributeDefinition;
    // Stored definitions passed §3.2 at creation; a failure here is a corrupt row, not bad input.
    const parsed = parseExpression(definition.AttributeDetails.Expression);
    if (!parsed.ok) throw new Error(`stored calculated attribute ${record.name} has an invalid expression: ${parsed.reason}`);
    const range = definition.Conditions?.Range;
    const path = timestampPath(range);
    compiled = {
      name: record.name,
      expression: parsed.expression,
      ...(definition.Filter && { filter: definition.Filter }),
      ...(path !== undefined && { timestampPath: path, timestampFormat: range!.TimestampFormat === 'EPOCHMILLI' ? 'EPOCHMILLI' : 'ISO_8601' }),
    };
    cache.set(key, compiled);
  }
  return compiled;
}
