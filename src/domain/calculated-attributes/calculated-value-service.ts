// Calculated attribute values per profile (spec api-behaviour-2a §2.1, §3.4–§3.10): one profile, every definition of
// one profile, one definition for many profiles, and the explanation of a value — all read from the index the writes
// keep (feed.ts) at the time of the call.
import type { RangeOverride } from '../../generated/shapes.js';
import type { Repositories, Scope, Store } from '../../storage/ports.js';
import type { CalculatedAttributeDefinitionRecord, CalculatedAttributeEntry, EntryWindow } from '../../storage/calculated-attribute-ports.js';
import type { Clock } from '../clock.js';
import { domainNotFound, profileNotFound } from '../errors.js';
import { decodeNextToken, encodeNextToken } from '../pagination.js';
import { requireDefinition } from './calculated-attribute-service.js';
import type { CalculatedAttributeDefinition } from './definition.js';
import { evaluate, selection, type Evaluation } from './evaluate.js';

/** One definition's value for one profile. */
export interface ProfileValue {
  readonly name: string;
  readonly displayName?: string;
  readonly profileId: string;
  readonly evaluation: Evaluation;
  /** How many indexed objects the evaluation read. */
  readonly entries: number;
}

export interface Explanation {
  readonly name: string;
  readonly profileId: string;
  readonly evaluatedAt: Date;
  readonly window: EntryWindow;
  /** ObjectCount, or the most a profile can hold when there is none. */
  readonly limit: number;
  readonly statistic: string;
  readonly entries: readonly CalculatedAttributeEntry[];
  readonly evaluation: Evaluation;
}

export class CalculatedValueService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async valueForProfile(scope: Scope, domainName: string, name: string, profileId: string): Promise<ProfileValue> {
    const record = await this.store.calculatedAttributes.get(scope, domainName, name);
    // A definition exists only in a domain that does: the domain is read only to say which of the two is missing.
    if (!record) await requireDefinition(this.store, scope, domainName, name);
    const [value] = await this.evaluateFor(this.store, scope, record!, [profileId], this.clock());
    // An entry belongs to an object of the profile (foreign keys), so only a profile without any must be looked up.
    if (value!.entries === 0 && !(await this.store.profiles.exists(scope, domainName, profileId))) throw profileNotFound(profileId);
    return value!;
  }

  /** Every definition that has a value for the profile (COUNT always), by name, `maxResults` a page (§2.1). */
  async valuesForProfile(scope: Scope, domainName: string, profileId: string, maxResults: number, nextToken: string | undefined): Promise<{ items: ProfileValue[]; nextToken?: string }> {
    const list = `calculated-attribute-values:${domainName}:${profileId}`;
    let after = decodeNextToken(list, scope, nextToken);
    if (!(await this.store.domains.get(scope, domainName))) throw domainNotFound(domainName);
    if (!(await this.store.profiles.exists(scope, domainName, profileId))) throw profileNotFound(profileId);
    const now = this.clock();
    const items: ProfileValue[] = [];
    for (;;) {
      const page = await this.store.calculatedAttributes.list(scope, domainName, { after, limit: maxResults });
      for (const record of page.items) {
        const [value] = await this.evaluateFor(this.store, scope, record, [profileId], now);
        if (value!.evaluation.value === undefined) continue;
        // One more value past a full page: only then is there a next page.
        if (items.length === maxResults) return { items, nextToken: encodeNextToken(list, scope, items.at(-1)!.name) };
        items.push(value!);
      }
      if (page.nextAfter === undefined) return { items };
      after = page.nextAfter;
    }
  }

  /** One definition for up to 100 profiles; unknown or merged-away ids are listed apart, not an error (§2.1). */
  async valuesForProfiles(scope: Scope, domainName: string, name: string, profileIds: readonly string[], override?: RangeOverride): Promise<{ values: ProfileValue[]; missing: string[] }> {
    const record = await requireDefinition(this.store, scope, domainName, name);
    const unique = [...new Set(profileIds)];
    const found = new Set((await this.store.profiles.getMany(scope, domainName, unique)).map((profile) => profile.profileId));
    const present = unique.filter((id) => found.has(id));
    return { values: await this.evaluateFor(this.store, scope, record, present, this.clock(), override), missing: unique.filter((id) => !found.has(id)) };
  }

  /** What produced a value: the window and the objects read, oldest first, with the value each gave (the explain command). */
  async explain(scope: Scope, domainName: string, name: string, profileId: string): Promise<Explanation> {
    const record = await requireDefinition(this.store, scope, domainName, name);
    if (!(await this.store.profiles.exists(scope, domainName, profileId))) throw profileNotFound(profileId);
    const now = this.clock();
    const state = { ...record, definition: record.definition as unknown as CalculatedAttributeDefinition };
    const { window, limit } = selection(state, now);
    const entries = await this.store.calculatedAttributeEntries.read(scope, domainName, name, [profileId], window, limit);
    return { name, profileId, evaluatedAt: now, window, limit, statistic: state.definition.Statistic, entries: [...entries].reverse(), evaluation: evaluate(state, entries, now) };
  }

  private async evaluateFor(repos: Repositories, scope: Scope, record: CalculatedAttributeDefinitionRecord, profileIds: readonly string[], now: Date, override?: RangeOverride): Promise<ProfileValue[]> {
    const state = { ...record, definition: record.definition as unknown as CalculatedAttributeDefinition };
    const { window, limit } = selection(state, now, override);
    const entries = await repos.calculatedAttributeEntries.read(scope, record.domainName, record.name, profileIds, window, limit);
    const byProfile = new Map<string, CalculatedAttributeEntry[]>();
    for (const entry of entries) {
      const list = byProfile.get(entry.profileId);
      if (list) list.push(entry);
      else byProfile.set(entry.profileId, [entry]);
    }
    return profileIds.map((profileId) => ({
      name: record.name,
      ...(state.definition.DisplayName !== undefined && { displayName: state.definition.DisplayName }),
      profileId,
      evaluation: evaluate(state, byProfile.get(profileId) ?? [], now, override),
      entries: byProfile.get(profileId)?.length ?? 0,
    }));
  }
}
