// Matches a method and RAW (still percent-encoded) path to an operation of the model.
// Literal segments beat labels (spec §1.6); labels are decoded only after the match, so an
// ARN with %2F stays one label (spec §1.2).
import type { OperationDefinition } from '../generated/operations.js';
import { malformedPercentEncoding } from '../domain/errors.js';

interface Node {
  readonly literals: Map<string, Node>;
  label?: { name: string; node: Node };
  readonly operations: Map<string, OperationDefinition>;
}

export interface RouteMatch {
  readonly operation: OperationDefinition;
  readonly labels: Record<string, string>;
}

function newNode(): Node {
  return { literals: new Map(), operations: new Map() };
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

export class Router {
  private readonly root = newNode();

  constructor(operations: Iterable<OperationDefinition>) {
    for (const operation of operations) this.add(operation);
  }

  private add(operation: OperationDefinition): void {
    let node = this.root;
    for (const segment of segmentsOf(operation.uri.split('?')[0]!)) {
      const label = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (label) {
        node.label ??= { name: label, node: newNode() };
        if (node.label.name !== label) throw new Error(`conflicting labels at ${operation.uri}`);
        node = node.label.node;
      } else {
        let next = node.literals.get(segment);
        if (!next) node.literals.set(segment, (next = newNode()));
        node = next;
      }
    }
    if (node.operations.has(operation.method)) throw new Error(`duplicate route ${operation.method} ${operation.uri}`);
    node.operations.set(operation.method, operation);
  }

  /** The operation for `method rawPath`, or undefined when none matches. Throws on a label with bad encoding. */
  match(method: string, rawPath: string): RouteMatch | undefined {
    const raw: Array<[string, string]> = [];
    const found = this.walk(this.root, segmentsOf(rawPath), 0, method, raw);
    if (!found) return undefined;
    const labels: Record<string, string> = {};
    for (const [name, value] of raw) {
      try {
        labels[name] = decodeURIComponent(value);
      } catch {
        throw malformedPercentEncoding('path');
      }
    }
    return { operation: found, labels };
  }

  private walk(node: Node, segments: string[], index: number, method: string, labels: Array<[string, string]>): OperationDefinition | undefined {
    if (index === segments.length) return node.operations.get(method);
    const segment = segments[index]!;
    const literal = node.literals.get(segment);
    if (literal) {
      const found = this.walk(literal, segments, index + 1, method, labels);
      if (found) return found;
    }
    if (node.label) {
      labels.push([node.label.name, segment]);
      const found = this.walk(node.label.node, segments, index + 1, method, labels);
      if (found) return found;
      labels.pop();
    }
    return undefined;
  }
}
