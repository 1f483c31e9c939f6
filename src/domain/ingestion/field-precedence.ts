// Who may overwrite a standard-profile value (spec §3.4 step 7). Each value's provenance is kept in the
// profile's `sources`; an ingested value records its object type, SourcePriority and source timestamp.

/** Where an ingested value came from. */
export interface ObjectSource {
  readonly objectTypeName: string;
  /** SourcePriority of the type when it wrote: lower is stronger; absent ranks below any number. */
  readonly priority?: number;
  /** The object's SourceLastUpdatedTimestamp, epoch ms, when the type maps one. */
  readonly timestamp?: number;
}

const PREFIX = 'object:';

export function encodeSource(source: ObjectSource): string {
  return `${PREFIX}${source.priority ?? ''}:${source.timestamp ?? ''}:${source.objectTypeName}`;
}

/** The ingested source a recorded provenance names, or undefined for manual and other non-ingested values. */
export function decodeSource(recorded: string): ObjectSource | undefined {
  if (!recorded.startsWith(PREFIX)) return undefined;
  const [priority = '', timestamp = '', ...name] = recorded.slice(PREFIX.length).split(':');
  return {
    objectTypeName: name.join(':'),
    priority: priority === '' ? undefined : Number(priority),
    timestamp: timestamp === '' ? undefined : Number(timestamp),
  };
}

/**
 * Whether `incoming` may replace a value recorded as `held`:
 * - nothing held: yes;
 * - a manual value (CreateProfile/UpdateProfile): only a type with a SourcePriority;
 * - another ingested value: the lower SourcePriority wins, a type without one loses to a type with one;
 *   on a tie the latest ingestion wins, unless its SourceLastUpdatedTimestamp is older than the held one's.
 */
export function mayOverwrite(incoming: ObjectSource, held: string | undefined): boolean {
  if (held === undefined) return true;
  const current = decodeSource(held);
  if (current === undefined) return incoming.priority !== undefined;
  if (incoming.priority !== current.priority) {
    if (incoming.priority === undefined) return false;
    if (current.priority === undefined) return true;
    return incoming.priority < current.priority;
  }
  return !(incoming.timestamp !== undefined && current.timestamp !== undefined && incoming.timestamp < current.timestamp);
}
