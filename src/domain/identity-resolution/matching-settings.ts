// A domain's Matching settings (stored as their wire JSON) in the form the job, the schedule, the export
// and the auto-merge preview use.
import type { AutoMerging, ConflictResolution, Consolidation, JobScheduleDayOfTheWeek, MatchingResponse } from '../../generated/shapes.js';
import type { JsonValue } from '../../storage/ports.js';
import { fromJson } from '../../shapes/json.js';
import { sourceNameRequired } from '../errors.js';

export interface AutoMergeSettings {
  /** Consolidation.MatchingAttributesList: criteria in priority order, each a list of attribute names. */
  readonly criteria: readonly (readonly string[])[];
  readonly conflict: { readonly model: 'RECENCY' | 'SOURCE'; readonly sourceName?: string };
  readonly minConfidence?: number;
}

export interface WeeklySchedule {
  readonly dayOfTheWeek: JobScheduleDayOfTheWeek;
  /** "H:MM" or "HH:MM", UTC. */
  readonly time: string;
}

export interface S3Destination {
  readonly bucket: string;
  /** S3KeyName: the key prefix the job's object is written under. */
  readonly keyPrefix?: string;
}

/** The schedule a domain with Matching enabled and no JobSchedule gets (spec §3.9). */
export const DEFAULT_SCHEDULE: WeeklySchedule = { dayOfTheWeek: 'SATURDAY', time: '0:00' };

export function matchingOf(stored: JsonValue | undefined): MatchingResponse | undefined {
  return fromJson(stored, 'MatchingResponse') as MatchingResponse | undefined;
}

/** Whether stored Matching settings have Enabled set. */
export function matchingEnabled(stored: JsonValue | undefined): boolean {
  return matchingOf(stored)?.Enabled === true;
}

/** The auto-merge settings a job applies, or undefined when auto-merge is off. */
export function autoMergeOf(matching: MatchingResponse | undefined): AutoMergeSettings | undefined {
  const auto = matching?.Enabled === true ? matching.AutoMerging : undefined;
  return auto?.Enabled === true ? autoMergeSettings(auto.Consolidation, auto.ConflictResolution, auto.MinAllowedConfidenceScoreForMerging) : undefined;
}

export function autoMergeSettings(consolidation: Consolidation | undefined, conflict: ConflictResolution | undefined, minConfidence: number | undefined): AutoMergeSettings {
  return {
    criteria: consolidation?.MatchingAttributesList ?? [],
    conflict: conflict?.ConflictResolvingModel === 'SOURCE' ? { model: 'SOURCE', sourceName: conflict.SourceName } : { model: 'RECENCY' },
    ...(minConfidence === undefined ? {} : { minConfidence }),
  };
}

/** The AutoMerging members a job reports (GetIdentityResolutionJob), as stored on the domain when it ran. */
export function reportedAutoMerging(matching: MatchingResponse | undefined): AutoMerging | undefined {
  return matching?.Enabled === true ? matching.AutoMerging : undefined;
}

/** When the domain's jobs start by themselves: only with Matching enabled. */
export function scheduleOf(matching: MatchingResponse | undefined): WeeklySchedule | undefined {
  if (matching?.Enabled !== true) return undefined;
  const schedule = matching.JobSchedule;
  return schedule ? { dayOfTheWeek: schedule.DayOfTheWeek, time: schedule.Time } : DEFAULT_SCHEDULE;
}

export function exportDestinationOf(matching: MatchingResponse | undefined): S3Destination | undefined {
  const s3 = matching?.Enabled === true ? matching.ExportingConfig?.S3Exporting : undefined;
  return s3 ? { bucket: s3.S3BucketName, ...(s3.S3KeyName === undefined ? {} : { keyPrefix: s3.S3KeyName }) } : undefined;
}

/** Create/UpdateDomain: the SOURCE model needs the object type whose values win. */
export function checkMatchingRequest(matching: { readonly AutoMerging?: AutoMerging } | undefined): void {
  const conflict = matching?.AutoMerging?.ConflictResolution;
  if (conflict?.ConflictResolvingModel === 'SOURCE' && !conflict.SourceName) throw sourceNameRequired('Matching.AutoMerging.ConflictResolution');
}
