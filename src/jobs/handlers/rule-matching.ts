// The rule-based matching job of one domain and rule configuration (spec §3.10): the first run evaluates
// every profile (PENDING/IN_PROGRESS → ACTIVE), every later run the profiles written since the previous one,
// every RULE_MATCHING_INTERVAL_MS. The job ends when its configuration is replaced or disabled.
import type { JsonValue, Scope, Store } from '../../storage/ports.js';
import type { Clock } from '../../domain/clock.js';
import { ProfileMerge } from '../../domain/profiles/profile-merge.js';
import { RuleMatchingEngine, RuleRunSuperseded } from '../../domain/rule-matching/rule-matching-engine.js';
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

export function ruleMatchingHandler(store: Store, clock: Clock): JobHandler {
  const engine = new RuleMatchingEngine(store, clock, new ProfileMerge(store, clock));
  return async ({ job, scope, renew }) => {
    const { domainName, generation } = job.payload as { domainName?: unknown; generation?: unknown };
    const state = await store.ruleMatching.getState(scope, String(domainName));
    if (!state || state.generation !== generation) return; // replaced or disabled: this job is over
    try {
      if (state.status === 'ACTIVE') await engine.refresh(scope, state, renew);
      else await engine.build(scope, state, renew);
    } catch (error) {
      if (error instanceof RuleRunSuperseded) return;
      throw error;
    }
    return { rerunAt: new Date(clock().getTime() + RULE_MATCHING_INTERVAL_MS) };
  };
}
