// The request context of spec §2.3: condition keys looked up by name in any case.

/** A context value: one string, or a list for multivalued keys such as `aws:TagKeys` (§2.3, §5.5). */
export type ContextValue = string | readonly string[];

/** Context entries as the caller has them, e.g. `{ 'aws:username': 'alice', 'aws:TagKeys': ['env'] }`. */
export type ContextEntries = Readonly<Record<string, ContextValue>>;

/** A key name as written in a policy, with its case-folded form computed once at parse time. */
export interface ContextKey {
  /** Lower-cased name used for lookup (§5.2: key names, tag part included, ignore case). */
  readonly lower: string;
  /** The spelling in the policy, used to pick between keys that differ only by case (§7). */
  readonly spelling: string;
}

export function contextKey(spelling: string): ContextKey {
  return { lower: spelling.toLowerCase(), spelling };
}

/** The context one resource ARN is evaluated with. Build it once per request (and per ARN when tags differ). */
export interface RequestContext {
  /**
   * The value of `key`, or undefined when the key is absent. An empty list counts as absent:
   * §5.4/§5.5 give an empty list the same outcome as a missing key for every operator.
   */
  get(key: ContextKey): ContextValue | undefined;
}

/**
 * Builds a context from entries. `base` layers a shared context under per-ARN keys: §2.3 builds one
 * context per resource ARN where only `aws:ResourceTag/*` differs, so the caller builds the shared
 * part once and adds each resource's tags on top (`createRequestContext(tags, shared)`).
 */
export function createRequestContext(entries: ContextEntries, base?: RequestContext): RequestContext {
  const values = new Map<string, ContextValue>();
  const firstSpelling = new Map<string, string>();
  // Keys that differ only by case (§7 [decide]): kept apart so the policy's spelling can choose.
  let variants: Map<string, [string, ContextValue][]> | undefined;
  for (const name of Object.keys(entries).sort()) {
    const value = entries[name];
    if (value === undefined || (typeof value !== 'string' && value.length === 0)) continue;
    const lower = name.toLowerCase();
    const earlier = values.get(lower);
    if (earlier === undefined) {
      values.set(lower, typeof value === 'string' ? value : Object.freeze([...value]));
      firstSpelling.set(lower, name);
      continue;
    }
    variants ??= new Map();
    let list = variants.get(lower);
    if (!list) variants.set(lower, (list = [[firstSpelling.get(lower) ?? name, earlier]]));
    list.push([name, value]);
  }
  return {
    get(key: ContextKey): ContextValue | undefined {
      const value = values.get(key.lower);
      if (value === undefined) return base?.get(key);
      const list = variants?.get(key.lower);
      if (!list) return value;
      // §7 [decide]: the exact spelling if the context has it, else the first in sorted order.
      return list.find(([name]) => name === key.spelling)?.[1] ?? value;
    },
  };
}

