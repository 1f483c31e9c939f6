// MergeProfiles' field rule (spec §3.8): a field set on one side only is copied; on conflict the main
// profile wins unless FieldSourceProfileIds names a profile, whose value is then taken even when it
// has none. Attributes follow the same rule key by key; an address moves whole.
import { ADDRESS_FIELDS, SCALAR_FIELDS, type FieldSources, type ProfileFields } from './profile.js';
import type { SourcedFields } from './apply-changes.js';

export interface MergeSide extends SourcedFields {
  readonly profileId: string;
}

/** FieldSourceProfileIds in domain form: whole fields by name, attributes by attribute name. */
export interface FieldChoices {
  readonly fields: Readonly<Partial<Record<MergeableField, string>>>;
  readonly attributes: Readonly<Record<string, string>>;
}

export const MERGEABLE_FIELDS = [...SCALAR_FIELDS, ...ADDRESS_FIELDS, 'engagementPreferences'] as const;
export type MergeableField = (typeof MERGEABLE_FIELDS)[number];

/** Merges `others` (in request order) into `main`; every id in `choices` must be one of the sides. */
export function mergeFields(main: MergeSide, others: readonly MergeSide[], choices: FieldChoices): SourcedFields {
  const sides = new Map([main, ...others].map((side) => [side.profileId, side]));
  const chosen = (id: string | undefined): MergeSide | undefined => (id === undefined ? undefined : sides.get(id));
  const fields: Record<string, unknown> = { ...main.fields };
  const sources = new Map(Object.entries(main.sources));

  for (const name of MERGEABLE_FIELDS) {
    const winner = chosen(choices.fields[name]) ?? (main.fields[name] !== undefined ? main : others.find((side) => side.fields[name] !== undefined));
    if (winner === undefined || winner === main) continue;
    if (winner.fields[name] === undefined) delete fields[name];
    else fields[name] = winner.fields[name];
    replaceSources(sources, winner.sources, (path) => path === name || path.startsWith(`${name}.`));
  }

  const attributes = new Map(Object.entries(main.fields.attributes ?? {}));
  const names = new Set([main, ...others].flatMap((side) => Object.keys(side.fields.attributes ?? {})));
  for (const name of Object.keys(choices.attributes)) names.add(name);
  for (const name of names) {
    const has = (side: MergeSide) => side.fields.attributes !== undefined && Object.hasOwn(side.fields.attributes, name);
    const winner = chosen(Object.hasOwn(choices.attributes, name) ? choices.attributes[name] : undefined) ?? (has(main) ? main : others.find(has));
    if (winner === undefined || winner === main) continue;
    if (has(winner)) attributes.set(name, winner.fields.attributes![name]!);
    else attributes.delete(name);
    replaceSources(sources, winner.sources, (path) => path === `attributes.${name}`);
  }
  if (attributes.size > 0) fields['attributes'] = Object.fromEntries(attributes);
  else delete fields['attributes'];

  return { fields: fields as ProfileFields, sources: Object.fromEntries(sources) };
}

/** The merged field keeps the provenance it had on the profile it came from. */
function replaceSources(into: Map<string, string>, from: FieldSources, selects: (path: string) => boolean): void {
  for (const path of [...into.keys()]) if (selects(path)) into.delete(path);
  for (const [path, source] of Object.entries(from)) if (selects(path)) into.set(path, source);
}
