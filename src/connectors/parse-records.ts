// Records of a CSV (header row), JSON Lines or JSON-array text, told apart by the object's name and else
// by its first character; the same formats `openprofiles import` reads (domain/ingestion/record-formats.ts),
// parsed whole because a workflow's S3 page already holds the object's text.
import { parse } from 'csv-parse/sync';
import { formatOfName, type RecordFormat } from '../domain/ingestion/record-formats.js';

/** The format the key's extension says (a `.json` holding lines is JSON Lines), else sniffed from the first character. */
export function formatOfKey(key: string, text: string): RecordFormat {
  const named = formatOfName(key);
  if (named === 'json') return text.trimStart().startsWith('[') ? 'json' : 'jsonl';
  if (named) return named;
  const first = text.trimStart()[0];
  return first === '[' ? 'json' : first === '{' ? 'jsonl' : 'csv';
}

/** Throws with the line or reason when the text is not what its format says. */
export function parseRecords(text: string, format: RecordFormat): Record<string, unknown>[] {
  if (format === 'csv') return parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, unknown>[];
  if (format === 'json') {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) throw new Error('a .json object must hold a JSON array of records');
    return value.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object' && !Array.isArray(item));
  }
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line !== '')
    .map(({ line, index }) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`line ${index + 1} is not JSON`);
      }
    });
}
