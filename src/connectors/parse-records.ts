// Records of a CSV (header row), JSON Lines or JSON-array text, told apart by the object's name and else
// by its first character; the same formats `openprofiles import` reads.
import { parse } from 'csv-parse/sync';

export type RecordFormat = 'csv' | 'jsonl' | 'json';

export function formatOfKey(key: string, text: string): RecordFormat {
  const lower = key.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return text.trimStart().startsWith('[') ? 'json' : 'jsonl';
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
