// Whether one value satisfies one dimension condition (spec api-behaviour-2a §4.3): Values are OR-ed, strings
// compare case-insensitively, numbers and dates as §3.3/§4.3 read them. `x` undefined means the attribute is absent.
import { DAY_MS } from '../ingestion/object-steps.js';
import { isoInstant, numberOf } from './values.js';

export function matchesCondition(type: string, x: string | undefined, values: readonly string[]): boolean {
  if (type === 'EXCLUSIVE') return x === undefined || !values.some((v) => v.toLowerCase() === x.toLowerCase());
  if (x === undefined) return false;
  const lower = x.toLowerCase();
  switch (type) {
    case 'INCLUSIVE':
      return values.some((v) => v.toLowerCase() === lower);
    case 'CONTAINS':
      return values.some((v) => lower.includes(v.toLowerCase()));
    case 'BEGINS_WITH':
      return values.some((v) => lower.startsWith(v.toLowerCase()));
    case 'ENDS_WITH':
      return values.some((v) => lower.endsWith(v.toLowerCase()));
    case 'BEFORE':
    case 'AFTER':
    case 'ON':
      return compareDates(type, x, values);
    case 'BETWEEN':
    case 'NOT_BETWEEN': {
      const inside = inRange(x, values);
      return inside !== undefined && inside === (type === 'BETWEEN');
    }
    default:
      return compareNumbers(type, x, values);
  }
}

function compareDates(type: 'BEFORE' | 'AFTER' | 'ON', x: string, values: readonly string[]): boolean {
  const at = isoInstant(x);
  if (at === undefined) return false;
  return values.some((v) => {
    const than = isoInstant(v);
    if (than === undefined) return false;
    if (type === 'BEFORE') return at < than;
    if (type === 'AFTER') return at > than;
    return Math.floor(at / DAY_MS) === Math.floor(than / DAY_MS);
  });
}

/** true/false when `x` is inside/outside [min, max] (numbers when all three are, else dates); undefined when it cannot be read. */
function inRange(x: string, values: readonly string[]): boolean | undefined {
  if (values.length !== 2) return undefined;
  const numbers = [x, ...values].map(numberOf);
  const read = numbers.every((n) => n !== undefined) ? (numbers as number[]) : [x, ...values].map(isoInstant);
  if (read.some((n) => n === undefined)) return undefined;
  const [at, a, b] = read as number[];
  return at! >= Math.min(a!, b!) && at! <= Math.max(a!, b!);
}

function compareNumbers(type: string, x: string, values: readonly string[]): boolean {
  const n = numberOf(x);
  if (n === undefined) return false;
  return values.some((v) => {
    const than = numberOf(v);
    if (than === undefined) return false;
    switch (type) {
      case 'GREATER_THAN':
        return n > than;
      case 'LESS_THAN':
        return n < than;
      case 'GREATER_THAN_OR_EQUAL':
        return n >= than;
      case 'LESS_THAN_OR_EQUAL':
        return n <= than;
      case 'EQUAL':
        return n === than;
      default:
        return false;
    }
  });
}
