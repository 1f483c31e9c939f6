// ConflictResolution of rule-based merging (spec §3.9/§3.10): which profile survives, and where each field
// that several profiles hold is taken from. A value's time is the SourceLastUpdatedTimestamp its object
// recorded, else its profile's last update. RECENCY takes the newest value; SOURCE takes values that came
// from the object type SourceName (newest first) and falls back to RECENCY for the rest.
import type { ProfileRecord } from '../../storage/ports.js';
import { decodeSource } from '../ingestion/field-precedence.js';
import { MERGEABLE_FIELDS, type FieldChoices, type MergeableField } from '../profiles/merge-fields.js';
import { fromDocument } from '../profiles/profile-document.js';
import type { ConflictResolutionSetting } from './config.js';

interface Held {
  readonly profileId: string;
  readonly time: number;
  readonly fromSource: boolean;
}

/** The surviving profile: the most recently updated (with SOURCE, among those holding values from SourceName when any do). */
export function chooseMain(records: readonly ProfileRecord[], setting: ConflictResolutionSetting): string {
  const candidates = setting.model === 'SOURCE' ? records.filter((record) => holdsSource(record, setting.sourceName)) : [];
  const pool = candidates.length > 0 ? candidates : records;
  return [...pool].sort((a, b) => b.lastUpdatedAt.getTime() - a.lastUpdatedAt.getTime() || (a.profileId < b.profileId ? -1 : 1))[0]!.profileId;
}

/** FieldSourceProfileIds for merging `others` into `main`: a field is named only when another profile's value wins. */
export function fieldChoices(main: ProfileRecord, others: readonly ProfileRecord[], setting: ConflictResolutionSetting): FieldChoices {
  const all = [main, ...others];
  const fields: Partial<Record<MergeableField, string>> = {};
  for (const name of MERGEABLE_FIELDS) {
    const winner = pick(all.flatMap((record) => held(record, setting, (path) => path === name || path.startsWith(`${name}.`), fromDocument(record.fields)[name] !== undefined)), main.profileId);
    if (winner !== undefined && winner !== main.profileId) fields[name] = winner;
  }
  const attributes: Record<string, string> = {};
  const names = new Set(all.flatMap((record) => Object.keys(fromDocument(record.fields).attributes ?? {})));
  for (const name of names) {
    const path = `attributes.${name}`;
    const winner = pick(all.flatMap((record) => held(record, setting, (p) => p === path, fromDocument(record.fields).attributes?.[name] !== undefined)), main.profileId);
    if (winner !== undefined && winner !== main.profileId) attributes[name] = winner;
  }
  return { fields, attributes };
}

function held(record: ProfileRecord, setting: ConflictResolutionSetting, selects: (path: string) => boolean, has: boolean): Held[] {
  if (!has) return [];
  let time: number | undefined;
  let fromSource = false;
  for (const [path, recorded] of Object.entries(record.sources)) {
    if (!selects(path)) continue;
    const source = decodeSource(recorded);
    if (source?.timestamp !== undefined) time = Math.max(time ?? 0, source.timestamp);
    if (setting.model === 'SOURCE' && source?.objectTypeName === setting.sourceName) fromSource = true;
  }
  return [{ profileId: record.profileId, time: time ?? record.lastUpdatedAt.getTime(), fromSource }];
}

/** Values from the source first, then the newest; the main profile keeps a tie. */
function pick(candidates: readonly Held[], mainId: string): string | undefined {
  const ranked = [...candidates].sort(
    (a, b) => Number(b.fromSource) - Number(a.fromSource) || b.time - a.time || Number(b.profileId === mainId) - Number(a.profileId === mainId),
  );
  return ranked[0]?.profileId;
}

function holdsSource(record: ProfileRecord, sourceName: string | undefined): boolean {
  return Object.values(record.sources).some((recorded) => decodeSource(recorded)?.objectTypeName === sourceName);
}
