// Match groups from rule keys: profiles sharing a key at a level up to `maxLevel` are linked, groups are the
// connected sets of two or more, and a group's RuleLevel is the level that finally holds it together (its
// weakest link, found by joining level 1's links first). A key held by more than MAX_HOLDERS profiles
// links nothing (spec §3.10: a level whose values are that common is not used to match).
import type { RuleKey } from '../../storage/rule-matching-ports.js';

export const MAX_HOLDERS = 500;

/** Where the keys live: the database for single changes, memory for a whole domain. */
export interface RuleIndex {
  keysOf(profileIds: readonly string[], maxLevel: number): Promise<Map<string, RuleKey[]>>;
  /** Up to `limit` holders of the key, ordered by id. */
  holders(key: RuleKey, limit: number): Promise<string[]>;
}

export interface Component {
  /** Ascending. */
  readonly profileIds: string[];
  readonly ruleLevel: number;
}

interface Link {
  readonly level: number;
  readonly members: readonly string[];
}

/** The groups (two or more profiles) reached from `seeds`; each seed lands in at most one. */
export async function findComponents(seeds: Iterable<string>, index: RuleIndex, maxLevel: number): Promise<Component[]> {
  const visited = new Set<string>();
  const expanded = new Set<string>();
  const found: Component[] = [];
  for (const seed of seeds) {
    if (visited.has(seed)) continue;
    visited.add(seed);
    const members = [seed];
    const links: Link[] = [];
    let frontier = [seed];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const keys of (await index.keysOf(frontier, maxLevel)).values()) {
        for (const key of keys) {
          const tag = `${key.level}\u0000${key.key}`;
          if (expanded.has(tag)) continue;
          expanded.add(tag);
          const holders = await index.holders(key, MAX_HOLDERS + 1);
          if (holders.length < 2 || holders.length > MAX_HOLDERS) continue;
          links.push({ level: key.level, members: holders });
          for (const id of holders) {
            if (visited.has(id)) continue;
            visited.add(id);
            members.push(id);
            next.push(id);
          }
        }
      }
      frontier = next;
    }
    if (members.length >= 2) found.push({ profileIds: members.sort(), ruleLevel: weakestLevel(members, links) });
  }
  return found;
}

/** Joins the links level by level; the level at which everything is one set. */
function weakestLevel(members: readonly string[], links: readonly Link[]): number {
  const parent = new Map(members.map((id) => [id, id]));
  const root = (id: string): string => {
    let current = id;
    while (parent.get(current) !== current) current = parent.get(current)!;
    parent.set(id, current);
    return current;
  };
  let sets = members.length;
  const sorted = [...links].sort((a, b) => a.level - b.level);
  for (const link of sorted) {
    const [first, ...rest] = link.members;
    for (const id of rest) {
      const a = root(first!);
      const b = root(id);
      if (a !== b) {
        parent.set(b, a);
        sets--;
      }
    }
    if (sets === 1) return link.level;
  }
  return sorted.at(-1)?.level ?? 1;
}

/** A whole domain's keys in memory, for the first evaluation of every profile. */
export class MemoryRuleIndex implements RuleIndex {
  private readonly byProfile = new Map<string, RuleKey[]>();
  private readonly byKey = new Map<string, Set<string>>();

  set(profileId: string, keys: readonly RuleKey[]): void {
    this.remove(profileId);
    this.byProfile.set(profileId, [...keys]);
    for (const key of keys) {
      const tag = `${key.level}\u0000${key.key}`;
      const holders = this.byKey.get(tag) ?? new Set<string>();
      holders.add(profileId);
      this.byKey.set(tag, holders);
    }
  }

  remove(profileId: string): void {
    for (const key of this.byProfile.get(profileId) ?? []) this.byKey.get(`${key.level}\u0000${key.key}`)?.delete(profileId);
    this.byProfile.delete(profileId);
  }

  profileIds(): string[] {
    return [...this.byProfile.keys()];
  }

  async keysOf(profileIds: readonly string[], maxLevel: number): Promise<Map<string, RuleKey[]>> {
    return new Map(profileIds.map((id) => [id, (this.byProfile.get(id) ?? []).filter((key) => key.level <= maxLevel)]));
  }

  async holders(key: RuleKey, limit: number): Promise<string[]> {
    return [...(this.byKey.get(`${key.level}\u0000${key.key}`) ?? [])].sort().slice(0, limit);
  }
}
