// Streams the records of a CSV, JSON Lines or JSON-array file as JSON texts, with the bytes read so far
// (for progress). CSV rows become objects keyed by the header row; JSON values are passed through.
import { createReadStream } from 'node:fs';
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

export function formatOf(file: string, explicit?: string): RecordFormat {
  const format = explicit ?? { '.csv': 'csv', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'json' }[extname(file).toLowerCase()];
  if (format === 'csv' || format === 'jsonl' || format === 'json') return format;
  throw new Error(`cannot tell the format of ${file}: name it .csv, .jsonl or .json, or pass --format`);
}

/** Yields every record; `bytesRead()` tells how far into the file the reader is. */
export function readRecords(file: string, format: RecordFormat): { records: AsyncIterable<FileRecord>; bytesRead: () => number } {
  const stream = createReadStream(file);
  return { records: recordsOf(stream, format), bytesRead: () => stream.bytesRead };
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
