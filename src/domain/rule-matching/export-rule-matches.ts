// Writes a domain's current rule-based match groups as JSON Lines to S3 (RuleBasedMatching.ExportingConfig):
// one object, `<S3KeyName>/rule-based-matches.jsonl`, rewritten whole after every run that changed a group,
// so it always holds the complete current result.
import type { Scope, Store } from '../../storage/ports.js';
import type { ObjectWriter } from '../identity-resolution/export-matches.js';
import type { S3Destination } from '../identity-resolution/matching-settings.js';

const PAGE = 1_000;
export const RULE_EXPORT_OBJECT = 'rule-based-matches.jsonl';

/** The export destination of a stored RuleBasedMatching configuration, if it has one. */
export function ruleExportDestinationOf(config: unknown): S3Destination | undefined {
  const exporting = (config as { ExportingConfig?: { S3Exporting?: { S3BucketName?: unknown; S3KeyName?: unknown } } } | null)?.ExportingConfig;
  const s3 = exporting?.S3Exporting;
  if (typeof s3?.S3BucketName !== 'string') return undefined;
  return { bucket: s3.S3BucketName, ...(typeof s3.S3KeyName === 'string' ? { keyPrefix: s3.S3KeyName } : {}) };
}

export function ruleExportKey(destination: S3Destination): string {
  const prefix = destination.keyPrefix?.replace(/\/+$/, '');
  return prefix ? `${prefix}/${RULE_EXPORT_OBJECT}` : RULE_EXPORT_OBJECT;
}

/** One line per group, in MatchId order: MatchId, ProfileIds, RuleLevel, LastUpdatedAt (ISO 8601). */
export async function exportRuleMatches(store: Store, writer: ObjectWriter, scope: Scope, domainName: string, destination: S3Destination): Promise<string> {
  const lines: string[] = [];
  let after: string | undefined;
  do {
    const page = await store.ruleMatching.listGroups(scope, domainName, { after, limit: PAGE });
    for (const group of page.items) {
      lines.push(JSON.stringify({ MatchId: group.matchId, ProfileIds: group.profileIds, RuleLevel: group.ruleLevel, LastUpdatedAt: group.updatedAt.toISOString() }) + '\n');
    }
    after = page.nextAfter;
  } while (after !== undefined);
  const key = ruleExportKey(destination);
  await writer.put(destination.bucket, key, lines.join(''), 'application/x-ndjson');
  return key;
}
