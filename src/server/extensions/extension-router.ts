// Matches a method and raw path against the extension routes; labels are percent-decoded after the match,
// so an encoded `/` stays inside its label.
import { malformedPercentEncoding } from '../../domain/errors.js';
import type { ExtensionRoute } from './extension-route.js';

export const EXTENSION_PREFIX = '/_openprofiles/';

export interface ExtensionMatch {
  readonly route: ExtensionRoute;
  readonly labels: Record<string, string>;
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function decodeLabel(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw malformedPercentEncoding('path');
  }
}

export class ExtensionRouter {
  private readonly routes: ReadonlyArray<{ route: ExtensionRoute; segments: string[] }>;

  constructor(routes: readonly ExtensionRoute[]) {
    this.routes = routes.map((route) => ({ route, segments: segmentsOf(route.path) }));
  }

  /** The route for the path regardless of method, and whether the method matched too. */
  match(method: string, rawPath: string): ExtensionMatch | undefined {
    const wanted = segmentsOf(rawPath);
    for (const { route, segments } of this.routes) {
      if (route.method !== method || segments.length !== wanted.length) continue;
      const labels: Record<string, string> = {};
      const fits = segments.every((segment, index) => {
        const label = /^\{(\w+)\}$/.exec(segment)?.[1];
        if (label) {
          labels[label] = wanted[index]!;
          return true;
        }
        return segment === wanted[index];
      });
      if (fits) {
        for (const [name, raw] of Object.entries(labels)) labels[name] = decodeLabel(raw);
        return { route, labels };
      }
    }
    return undefined;
  }
}
