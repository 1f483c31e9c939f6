// MatchRecords as a few long strings, one per field: a compact form to hand to a worker thread
// (structured clone copies a string in one piece, where an array of a million objects is walked field by field).
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { MatchRecord } from '../record.js';

export const RECORD_FIELDS = [
  'firstName', 'middleName', 'lastName', 'birthDate', 'email', 'phone',
  'address1', 'address2', 'city', 'state', 'postalCode', 'accountNumber',
] as const satisfies readonly Exclude<keyof MatchRecord, 'id'>[];

type Field = (typeof RECORD_FIELDS)[number];

/** `count` records; each column holds the field's values joined by SEPARATOR, '' for missing. */
export interface RecordColumns {
  readonly count: number;
  readonly columns: Readonly<Record<Field, string>>;
}

const SEPARATOR = '\u001f';

/** Ids stay behind: the worker answers with record indexes. A separator inside a value becomes a space. */
export function toColumns(records: readonly MatchRecord[]): RecordColumns {
  const columns = {} as Record<Field, string>;
  for (const field of RECORD_FIELDS) {
    columns[field] = records.map((record) => (record[field] ?? '').replaceAll(SEPARATOR, ' ')).join(SEPARATOR);
  }
  return { count: records.length, columns };
}

/** As toColumns, a slice at a time with a turn of the event loop between slices (the caller's thread serves requests). */
export async function toColumnsInTurns(records: readonly MatchRecord[], slice = 50_000): Promise<RecordColumns> {
  const columns = {} as Record<Field, string>;
  for (const field of RECORD_FIELDS) {
    const parts: string[] = [];
    for (let from = 0; from < records.length; from += slice) {
      parts.push(toColumns(records.slice(from, from + slice)).columns[field]);
      await nextTurn();
    }
    columns[field] = parts.join(SEPARATOR);
  }
  return { count: records.length, columns };
}

/** The records back, with index strings as ids; '' is missing, as the normalizers treat it. */
export function fromColumns({ count, columns }: RecordColumns): MatchRecord[] {
  const records: Record<string, string>[] = Array.from({ length: count }, (_, index) => ({ id: String(index) }));
  for (const field of RECORD_FIELDS) {
    const values = count === 0 ? [] : columns[field].split(SEPARATOR);
    values.forEach((value, index) => {
      const record = records[index];
      if (value !== '' && record !== undefined) record[field] = value;
    });
  }
  return records as unknown as MatchRecord[];
}
