// The rule-based matching job of one domain and rule configuration (spec §3.10): the first run evaluates
// every profile (PENDING/IN_PROGRESS → ACTIVE), every later run the profiles written since the previous one,
// every RULE_MATCHING_INTERVAL_MS. The job ends when its configuration is replaced or disabled.
import type { JsonValue, Scope, Store } from '../../storage/ports.js';
import type { Clock } from '../../domain/clock.js';
import { ProfileMerge } from '../../domain/profiles/profile-merge.js';
import { RuleMatchingEngine, RuleRunSuperseded } from '../../domain/rule-matching/rule-matching-engine.js';
import type { Logger } from 'pino';
import type { ObjectWriter, OpenObjectWriter } from '../../domain/identity-resolution/export-matches.js';
import { exportRuleMatches, ruleExportDestinationOf } from '../../domain/rule-matching/export-rule-matches.js';
import type { JobHandler } from '../runner.js';
import { enqueueJob } from '../runner.js';

export const RULE_MATCHING = 'rule-matching';
/** How soon after a profile write the rules look at it, at most (plus the time to run). */
export const RULE_MATCHING_INTERVAL_MS = 5_000;

/** Enqueues the job of a new rule configuration (inside the transaction that stores it). */
export function scheduleRuleMatching(jobs: Store['jobs'], scope: Scope, domainName: string, generation: string, now: Date): Promise<string> {
  const payload: JsonValue = { domainName, generation };
  return enqueueJob(jobs, scope, { kind: RULE_MATCHING, payload, runAt: now, dedupeKey: `${domainName}/${generation}`, now });
}

export interface RuleExportOptions {
  /** Opens the S3 writer for RuleBasedMatching.ExportingConfig; without it nothing is exported. */
  readonly openWriter?: OpenObjectWriter;
  readonly log?: Logger;
}

export function ruleMatchingHandler(store: Store, clock: Clock, exporting: RuleExportOptions = {}): JobHandler {
  const engine = new RuleMatchingEngine(store, clock, new ProfileMerge(store, clock));
  return async ({ job, scope, renew }) => {
    const { domainName, generation } = job.payload as { domainName?: unknown; generation?: unknown };
    const state = await store.ruleMatching.getState(scope, String(domainName));
    if (!state || state.generation !== generation) return; // replaced or disabled: this job is over
    let changed: boolean;
    try {
      changed = state.status === 'ACTIVE' ? await engine.refresh(scope, state, renew) : await engine.build(scope, state, renew);
    } catch (error) {
      if (error instanceof RuleRunSuperseded) return;
      throw error;
    }
    // The domain's current settings: an UpdateDomain that changes only ExportingConfig keeps the generation.
    const destination = changed && exporting.openWriter ? ruleExportDestinationOf((await store.domains.get(scope, state.domainName))?.ruleBasedMatching) : undefined;
    if (destination && exporting.openWriter) {
      // The object is rewritten whole after the next change, so a failed export is only late, never partial.
      let writer: ObjectWriter | undefined;
      try {
        writer = await exporting.openWriter(scope, destination.bucket);
        await exportRuleMatches(store, writer, scope, state.domainName, destination);
      } catch (error) {
        exporting.log?.warn({ err: error, domainName: state.domainName, bucket: destination.bucket }, 'rule-based match export failed');
      } finally {
        writer?.close();
      }
    }
    return { rerunAt: new Date(clock().getTime() + RULE_MATCHING_INTERVAL_MS) };
  };
}
