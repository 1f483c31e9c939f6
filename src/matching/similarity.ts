// String similarity: Jaro-Winkler, Levenshtein distance, and the Soundex code used for blocking.

/** Two reusable flag buffers (the first `length` entries zeroed on each use): jaro runs millions of times per job and would otherwise allocate each time. */
const buffers = [new Uint8Array(64), new Uint8Array(64)];
function scratch(which: 0 | 1, length: number): Uint8Array {
  if ((buffers[which]?.length ?? 0) < length) buffers[which] = new Uint8Array(length * 2);
  const buffer = buffers[which]!;
  buffer.fill(0, 0, length);
  return buffer;
}

export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = scratch(0, a.length);
  const bMatched = scratch(1, b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] === 1 || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      aMatched[i] = 1;
      bMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (aMatched[i] !== 1) continue;
    while (bMatched[k] !== 1) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  return (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
}

/** Jaro with Winkler's bonus for a common prefix of up to 4 characters (scale 0.1). */
export function jaroWinkler(a: string, b: string): number {
  const similarity = jaro(a, b);
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return similarity + prefix * 0.1 * (1 - similarity);
}

/** Two reusable rows for levenshtein (only the first b.length + 1 entries are used). */
const rows: [Uint32Array, Uint32Array] = [new Uint32Array(64), new Uint32Array(64)];

/** Edit distance with insertions, deletions and substitutions of cost 1 (two-row dynamic programme). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = rows[0].length > b.length ? rows[0] : (rows[0] = new Uint32Array(2 * b.length + 2));
  let current = rows[1].length > b.length ? rows[1] : (rows[1] = new Uint32Array(2 * b.length + 2));
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

const SOUNDEX_CODES: Readonly<Record<string, string>> = {
  b: '1', f: '1', p: '1', v: '1', c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3', l: '4', m: '5', n: '5', r: '6',
};

/** American Soundex (h and w do not separate equal codes); empty for text without a letter. */
export function soundex(value: string): string {
  const letters = value.toLowerCase().replace(/[^a-z]/g, '');
  const first = letters[0];
  if (first === undefined) return '';
  let code = first.toUpperCase();
  let last = SOUNDEX_CODES[first] ?? '';
  for (const letter of letters.slice(1)) {
    const digit = SOUNDEX_CODES[letter] ?? '';
    if (digit !== '' && digit !== last) code += digit;
    if (letter !== 'h' && letter !== 'w') last = digit;
    if (code.length === 4) break;
  }
  return code.padEnd(4, '0');
}
