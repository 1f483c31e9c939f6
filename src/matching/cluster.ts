// Clustering: connected components over the pairs whose match probability reaches the threshold.

export interface ScoredPair {
  readonly left: number;
  readonly right: number;
  readonly weight: number;
  readonly probability: number;
}

function find(parent: Uint32Array, index: number): number {
  let root = index;
  while (parent[root] !== root) root = parent[root] ?? root;
  let node = index;
  while (parent[node] !== root) {
    const next = parent[node] ?? root;
    parent[node] = root;
    node = next;
  }
  return root;
}

/** Groups of two or more record indexes, each sorted, largest groups first. */
export function connectedComponents(recordCount: number, pairs: readonly ScoredPair[], threshold: number): number[][] {
  const parent = new Uint32Array(recordCount).map((_, i) => i);
  for (const pair of pairs) {
    if (pair.probability < threshold) continue;
    const a = find(parent, pair.left);
    const b = find(parent, pair.right);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < recordCount; i++) {
    const root = find(parent, i);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [i]);
    else group.push(i);
  }
  return [...groups.values()].filter((group) => group.length > 1).sort((a, b) => b.length - a.length);
}
