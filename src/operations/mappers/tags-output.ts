// Tags on the wire: a resource without tags omits the member rather than sending {}.
import type { Tags } from '../../storage/ports.js';

export function tagsOutput(tags: Tags): Tags | undefined {
  return Object.keys(tags).length > 0 ? tags : undefined;
}
