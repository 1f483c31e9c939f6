// Compiled policy documents by their text: a stored policy is parsed once, not on every request.
// Content-addressed, so an IAM write never makes an entry stale; bounded, oldest entry out first.
import { parsePolicyDocument, type PolicyDocument } from './iam/policy-document.js';

const DEFAULT_MAX_ENTRIES = 2000;

/** Whether a policy may test aws:ResourceTag/* (in a condition key or a ${…} variable). */
export function mentionsResourceTags(text: string): boolean {
  // Re-serialized first, so a key spelled with JSON escapes ("aws:Resource\u0054ag") is still seen.
  return JSON.stringify(JSON.parse(text)).toLowerCase().includes('aws:resourcetag/');
}

export class PolicyCache {
  readonly #entries = new Map<string, PolicyDocument>();
  readonly #resourceTags = new Map<string, boolean>();

  /** mentionsResourceTags, remembered per text. */
  usesResourceTags(text: string): boolean {
    let uses = this.#resourceTags.get(text);
    if (uses === undefined) {
      if (this.#resourceTags.size >= this.maxEntries) this.#resourceTags.clear();
      this.#resourceTags.set(text, (uses = mentionsResourceTags(text)));
    }
    return uses;
  }

  constructor(private readonly maxEntries = DEFAULT_MAX_ENTRIES) {}

  /** Throws MalformedPolicyDocumentError for text that does not parse (never for validated, stored policies). */
  compile(text: string): PolicyDocument {
    const cached = this.#entries.get(text);
    if (cached) return cached;
    const compiled = parsePolicyDocument(text);
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(text, compiled);
    return compiled;
  }
}
