// What a stored RuleBasedMatching setting starts (spec §3.10), in the transaction that stores it: enabling
// or changing the rules begins a new generation (PENDING on an existing domain, IN_PROGRESS on a new one)
// whose job evaluates every profile; disabling removes the rule state and its matches (merges stay);
// the same rules sent again (or only ExportingConfig changed) keep the current results.
import { randomUUID } from 'node:crypto';
import type { JsonValue, Repositories, Scope } from '../../storage/ports.js';
import { scheduleRuleMatching } from '../../jobs/handlers/rule-matching.js';
import { matchingSettings } from './config.js';

export async function armRuleBasedMatching(repos: Repositories, scope: Scope, domainName: string, stored: JsonValue | undefined, now: Date, newDomain: boolean): Promise<void> {
  if (stored === undefined) return;
  const enabled = typeof stored === 'object' && stored !== null && !Array.isArray(stored) && stored['Enabled'] === true;
  const current = await repos.ruleMatching.getState(scope, domainName);
  if (!enabled) {
    if (current) await repos.ruleMatching.deleteAllInDomain(scope, domainName);
    return;
  }
  if (current && matchingSettings(current.config) === matchingSettings(stored)) {
    await repos.ruleMatching.putState(scope, { ...current, config: stored, updatedAt: now });
    return;
  }
  const generation = randomUUID().replaceAll('-', '');
  await repos.ruleMatching.putState(scope, { domainName, generation, status: newDomain ? 'IN_PROGRESS' : 'PENDING', config: stored, updatedAt: now });
  await scheduleRuleMatching(repos.jobs, scope, domainName, generation, now);
}
