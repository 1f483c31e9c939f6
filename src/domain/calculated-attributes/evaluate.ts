// A calculated attribute's value for one profile at `now` (spec api-behaviour-2a §3.4 steps 5–7, §3.5–§3.7,
// §3.10), from the entries the write path indexed: the window and the timestamp floor bound the entries read,
// ObjectCount keeps the newest N, the statistic and threshold make the value.
import type { CalculatedAttributeEntry, EntryWindow } from '../../storage/calculated-attribute-ports.js';
import type { RangeOverride } from '../../generated/shapes.js';
import { OBJECTS_PER_PROFILE } from '../object-types/definition.js';
import { windowDays, type CalculatedAttributeDefinition } from './definition.js';
import { DAY_MS } from '../ingestion/object-steps.js';
import { formatNumber, numberOf } from './values.js';

export interface DefinitionState {
  readonly definition: CalculatedAttributeDefinition;
  readonly status: string;
  readonly createdAt: Date;
  readonly timestampFloor?: Date;
}

export interface Evaluation {
  readonly value?: string;
  readonly isDataPartial: boolean;
  readonly lastObjectTimestamp?: Date;
}

/** The earliest instant a Date can hold; windows reaching past it are unbounded. */
const EARLIEST = -8.64e15;

/** An override with its defaults filled in (§3.10), as BatchGet echoes it. */
export function withOverrideDefaults(override: RangeOverride): Required<RangeOverride> {
  return { Start: override.Start, End: override.End ?? 0, Unit: override.Unit };
}

/** Which entries the evaluation reads, and how many per profile. */
export function selection(state: DefinitionState, now: Date, override?: RangeOverride): { window: EntryWindow; limit: number } {
  const range = state.definition.Conditions?.Range;
  const span = override ? { start: override.Start, end: override.End ?? 0 } : range?.ValueRange ? { start: range.ValueRange.Start, end: range.ValueRange.End } : range?.Value ? { start: range.Value, end: 0 } : undefined;
  let from: number | undefined;
  let to: number | undefined;
  if (span) {
    from = now.getTime() - span.start * DAY_MS;
    to = now.getTime() - span.end * DAY_MS;
    if (from < EARLIEST) from = undefined;
    if (to < EARLIEST) to = EARLIEST;
  }
  const floor = state.timestampFloor?.getTime();
  if (floor !== undefined && (from === undefined || floor > from)) from = floor;
  const window: EntryWindow = { ...(from !== undefined && { from: new Date(from) }), ...(to !== undefined && { to: new Date(to) }) };
  return { window, limit: state.definition.Conditions?.ObjectCount ?? OBJECTS_PER_PROFILE };
}

/** `entries` as `selection` read them: one profile's, newest first. */
export function evaluate(state: DefinitionState, entries: readonly CalculatedAttributeEntry[], now: Date, override?: RangeOverride): Evaluation {
  const { definition } = state;
  const oldestFirst = [...entries].reverse();
  const result = statistic(definition.Statistic, oldestFirst);
  const threshold = definition.Conditions?.Threshold;
  const value = result.value !== undefined && threshold ? String(meets(result.value, threshold.Operator, threshold.Value)) : result.value;
  return {
    ...(value !== undefined && { value }),
    isDataPartial: isDataPartial(state, entries.length, now, override),
    ...(result.newest !== undefined && { lastObjectTimestamp: result.newest }),
  };
}

function statistic(name: string, entries: readonly CalculatedAttributeEntry[]): { value?: string; newest?: Date } {
  const present = entries.filter((entry) => entry.valueText !== undefined);
  const numeric = present.filter((entry) => entry.valueNumber !== undefined);
  const newestOf = (used: readonly CalculatedAttributeEntry[]) =>
    used.length === 0 ? undefined : new Date(Math.max(...used.map((entry) => entry.ingestedAt.getTime())));
  const numbers = numeric.map((entry) => entry.valueNumber!);
  switch (name) {
    case 'COUNT':
      return { value: String(present.length), newest: newestOf(present) };
    case 'SUM':
      return numbers.length === 0 ? {} : { value: formatNumber(numbers.reduce((a, b) => a + b, 0)), newest: newestOf(numeric) };
    case 'AVERAGE':
      return numbers.length === 0 ? {} : { value: formatNumber(numbers.reduce((a, b) => a + b, 0) / numbers.length), newest: newestOf(numeric) };
    case 'MINIMUM':
      return numbers.length === 0 ? {} : { value: formatNumber(Math.min(...numbers)), newest: newestOf(numeric) };
    case 'MAXIMUM':
      return numbers.length === 0 ? {} : { value: formatNumber(Math.max(...numbers)), newest: newestOf(numeric) };
    case 'FIRST_OCCURRENCE':
      return present.length === 0 ? {} : { value: present[0]!.valueText, newest: newestOf(present) };
    case 'LAST_OCCURRENCE':
      return present.length === 0 ? {} : { value: present.at(-1)!.valueText, newest: newestOf(present) };
    case 'MAX_OCCURRENCE':
      return present.length === 0 ? {} : { value: mostFrequent(present), newest: newestOf(present) };
    default:
      return {};
  }
}

/** The most frequent value; a tie goes to the value whose last occurrence is latest (§3.5). */
function mostFrequent(oldestFirst: readonly CalculatedAttributeEntry[]): string {
  const seen = new Map<string, { count: number; last: number }>();
  oldestFirst.forEach((entry, i) => {
    const found = seen.get(entry.valueText!);
    seen.set(entry.valueText!, { count: (found?.count ?? 0) + 1, last: i });
  });
  let best: [string, { count: number; last: number }] | undefined;
  for (const candidate of seen) {
    if (!best || candidate[1].count > best[1].count || (candidate[1].count === best[1].count && candidate[1].last > best[1].last)) best = candidate;
  }
  return best![0];
}

/** §3.6: numbers compare as numbers, anything else as exact strings; GREATER/LESS on a non-number is false. */
function meets(value: string, operator: string, than: string): boolean {
  const a = numberOf(value);
  const b = numberOf(than);
  switch (operator) {
    case 'GREATER_THAN':
      return a !== undefined && b !== undefined && a > b;
    case 'LESS_THAN':
      return a !== undefined && b !== undefined && a < b;
    case 'EQUAL_TO':
      return a !== undefined && b !== undefined ? a === b : value === than;
    default:
      return a !== undefined && b !== undefined ? a !== b : value !== than;
  }
}

/** §3.7: not COMPLETED, a window not yet covered since the data began to count, or fewer objects than ObjectCount. */
function isDataPartial(state: DefinitionState, selected: number, now: Date, override?: RangeOverride): boolean {
  if (state.status !== 'COMPLETED') return true;
  const days = override ? override.Start : windowDays(state.definition.Conditions?.Range);
  const starts = [state.definition.UseHistoricalData === true ? undefined : state.createdAt.getTime(), state.timestampFloor?.getTime()].filter((t): t is number => t !== undefined);
  if (Number.isFinite(days) && starts.length > 0 && now.getTime() - Math.max(...starts) < days * DAY_MS) return true;
  const objectCount = state.definition.Conditions?.ObjectCount;
  return objectCount !== undefined && selected < objectCount;
}
