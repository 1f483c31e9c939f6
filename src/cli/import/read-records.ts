// Reads a local records file for `openprofiles import`: its format from --format or its name, and its
// records with the bytes read so far (for progress).
import { createReadStream } from 'node:fs';
import { formatOfName, recordsOf, type FileRecord, type RecordFormat } from '../../domain/ingestion/record-formats.js';

export type { FileRecord, RecordFormat };

export function formatOf(file: string, explicit?: string): RecordFormat {
  const format = explicit ?? formatOfName(file);
  if (format === 'csv' || format === 'jsonl' || format === 'json') return format;
  throw new Error(`cannot tell the format of ${file}: name it .csv, .jsonl or .json, or pass --format`);
}

/** Yields every record; `bytesRead()` tells how far into the file the reader is. */
export function readRecords(file: string, format: RecordFormat): { records: AsyncIterable<FileRecord>; bytesRead: () => number } {
  const stream = createReadStream(file);
  return { records: recordsOf(stream, format), bytesRead: () => stream.bytesRead };
}
