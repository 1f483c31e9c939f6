// Match groups as a few typed arrays, to cross from a matcher thread to the job's thread without copying
// (the buffers are transferred) and to be unpacked there a slice at a time.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { MatchGroup } from './match-groups.js';

export interface PackedGroups {
  /** Group k's members are ids memberEnds[k-1] .. memberEnds[k] (0 for k = 0). */
  readonly memberEnds: Uint32Array;
  readonly confidenceScores: Float64Array;
  /** Id i is the UTF-8 bytes idEnds[i-1] .. idEnds[i] of idBytes. */
  readonly idEnds: Uint32Array;
  readonly idBytes: Uint8Array;
}

export function packGroups(groups: readonly MatchGroup[]): PackedGroups {
  const memberEnds = new Uint32Array(groups.length);
  const confidenceScores = new Float64Array(groups.length);
  const ids: string[] = [];
  groups.forEach((group, k) => {
    ids.push(...group.profileIds);
    memberEnds[k] = ids.length;
    confidenceScores[k] = group.confidenceScore;
  });
  const idEnds = new Uint32Array(ids.length);
  const encoded = Buffer.from(ids.join(''), 'utf8');
  let end = 0;
  ids.forEach((id, i) => (idEnds[i] = end += Buffer.byteLength(id, 'utf8')));
  const idBytes = new Uint8Array(encoded.byteLength);
  idBytes.set(encoded);
  return { memberEnds, confidenceScores, idEnds, idBytes };
}

export function transferListOf(packed: PackedGroups): ArrayBuffer[] {
  return [packed.memberEnds, packed.confidenceScores, packed.idEnds, packed.idBytes].map((array) => array.buffer as ArrayBuffer);
}

/** The groups back, with a turn of the event loop every `slice` groups (the caller's thread serves requests). */
export async function unpackGroups(packed: PackedGroups, slice = 10_000): Promise<MatchGroup[]> {
  const bytes = Buffer.from(packed.idBytes.buffer, packed.idBytes.byteOffset, packed.idBytes.byteLength);
  const groups: MatchGroup[] = [];
  let id = 0;
  for (let k = 0; k < packed.memberEnds.length; k++) {
    const profileIds: string[] = [];
    for (const last = packed.memberEnds[k] ?? 0; id < last; id++) profileIds.push(bytes.toString('utf8', id === 0 ? 0 : packed.idEnds[id - 1], packed.idEnds[id]));
    groups.push({ profileIds, confidenceScore: packed.confidenceScores[k] ?? 0 });
    if (k % slice === slice - 1) await nextTurn();
  }
  return groups;
}
