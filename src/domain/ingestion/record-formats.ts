// The record files OpenProfiles ingests — CSV (header row), JSON Lines, JSON arrays — streamed as one JSON
// text per record, whatever the bytes come from (a local file for `openprofiles import`, an S3 object).
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parse } from 'csv-parse';
import StreamArray from 'stream-json/streamers/StreamArray.js';

export type RecordFormat = 'csv' | 'jsonl' | 'json';

export interface FileRecord {
  /** 0-based index of the record in the file. */
  readonly index: number;
  readonly text: string;
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, RecordFormat>> = { '.csv': 'csv', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'json' };

/** The format a file or object name's extension says; undefined when it names none. */
export function formatOfName(name: string): RecordFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(name).toLowerCase()];
}

/** `source.pipe(target)`, with a failure of the source (a dropped connection) failing the target too. */
function piped<T extends Writable>(source: Readable, target: T): T {
  source.once('error', (error) => target.destroy(error));
  return source.pipe(target);
}

/** Every record of a byte stream in one of the formats (also an S3 object's body). */
export async function* recordsOf(stream: Readable, format: RecordFormat): AsyncGenerator<FileRecord> {
  let index = 0;
  if (format === 'jsonl') {
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      if (line.trim() !== '') yield { index: index++, text: line };
    }
  } else if (format === 'csv') {
    for await (const row of piped(stream, parse({ columns: true, bom: true, skip_empty_lines: true }))) {
      yield { index: index++, text: JSON.stringify(row) };
    }
  } else {
    for await (const item of piped(stream, StreamArray.withParser())) {
      yield { index: index++, text: JSON.stringify((item as { value: unknown }).value) };
    }
  }
}
