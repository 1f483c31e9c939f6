// Finds a key written twice in one JSON object, which JSON.parse would silently collapse.

/**
 * Spec §5.1 [decide]: the same operator or key twice in one block is refused rather than keeping
 * the last one; we refuse duplicate keys in every object of the document for the same reason.
 * `text` must already be valid JSON (JSON.parse succeeded), so this scanner only tracks nesting,
 * strings and which strings are keys. Keys are compared after unescaping (`"\u0045ffect"` is `Effect`).
 */
export function findDuplicateKey(text: string): string | undefined {
  // One frame per open container: a Set of seen keys for objects, null for arrays.
  const frames: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x7b /* { */) {
      frames.push(new Set());
      expectKey = true;
    } else if (ch === 0x5b /* [ */) {
      frames.push(null);
      expectKey = false;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      frames.pop();
      expectKey = false;
    } else if (ch === 0x2c /* , */) {
      expectKey = frames.at(-1) instanceof Set;
    } else if (ch === 0x22 /* " */) {
      const end = endOfString(text, i);
      const keys = frames.at(-1);
      if (expectKey && keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) return key;
        keys.add(key);
      }
      expectKey = false;
      i = end;
    }
  }
  return undefined;
}

/** Index of the closing quote of the string that opens at `start`. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5c /* \ */) i++;
    else if (ch === 0x22) return i;
  }
  return text.length - 1;
}
