// Writes match groups as JSON Lines (one group per line) to S3 or an S3-compatible store, for the
// domain's Matching.ExportingConfig.S3Exporting. The object key is `<S3KeyName>/<JobId>.jsonl`.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { s3ClientFor } from '../../connectors/s3-client.js';
import type { MatchGroupRecord, Scope } from '../../storage/ports.js';
import type { S3Access } from '../outbound/s3-access.js';
import type { S3Destination } from './matching-settings.js';

export interface ObjectWriter {
  put(bucket: string, key: string, body: string, contentType: string): Promise<void>;
  close(): void;
}

/** Opens a writer with the account's credentials for the bucket; rejects (with the reason) when it has none. */
export type OpenObjectWriter = (scope: Scope, bucket: string) => Promise<ObjectWriter>;

export interface ExportedObject {
  readonly bucket: string;
  readonly key: string;
}

export function exportKey(destination: S3Destination, jobId: string): string {
  const prefix = destination.keyPrefix?.replace(/\/+$/, '');
  return prefix ? `${prefix}/${jobId}.jsonl` : `${jobId}.jsonl`;
}

/** One line per match group: MatchId, ProfileIds, ConfidenceScore, MatchGenerationDate (ISO 8601), JobId. */
export function matchLines(groups: readonly MatchGroupRecord[]): string {
  return groups
    .map((group) =>
      JSON.stringify({
        MatchId: group.matchId,
        ProfileIds: group.profileIds,
        ConfidenceScore: group.confidenceScore,
        MatchGenerationDate: group.generatedAt.toISOString(),
        JobId: group.jobId,
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}

export async function exportMatches(writer: ObjectWriter, destination: S3Destination, jobId: string, groups: readonly MatchGroupRecord[]): Promise<ExportedObject> {
  const key = exportKey(destination, jobId);
  await writer.put(destination.bucket, key, matchLines(groups), 'application/x-ndjson');
  return { bucket: destination.bucket, key };
}

export function s3ObjectWriter(access: S3Access): ObjectWriter {
  const client = s3ClientFor(access);
  return {
    put: async (bucket, key, body, contentType) => {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },
    close: () => client.destroy(),
  };
}
