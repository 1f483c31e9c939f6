// Applies the JSON-Patch (RFC 6902) subset that model/patches.json uses: add, replace, remove.

export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

function decodePointer(path: string): string[] {
  if (!path.startsWith('/')) throw new Error(`bad JSON pointer ${path}`);
  return path.slice(1).split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export function applyJsonPatch(document: unknown, operations: readonly PatchOperation[]): unknown {
  const copy = structuredClone(document);
  for (const operation of operations) {
    const parts = decodePointer(operation.path);
    const last = parts.pop();
    if (last === undefined) throw new Error(`cannot patch the document root (${operation.path})`);
    let parent: unknown = copy;
    for (const part of parts) {
      parent = (parent as Record<string, unknown> | undefined)?.[part];
      if (parent === null || typeof parent !== 'object') throw new Error(`patch path not found: ${operation.path}`);
    }
    const container = parent as Record<string, unknown>;
    if (operation.op !== 'add' && !(last in container)) throw new Error(`patch path not found: ${operation.path}`);
    if (operation.op === 'remove') delete container[last];
    else container[last] = operation.value;
  }
  return copy;
}
