// `openprofiles matching explain --domain D <profileId> <profileId>`: why the matcher scores two profiles as
// it does — each attribute's comparison level and weight, the term-frequency adjustments, the prior, the
// total and the match probability — with the model learned from the domain's profiles as they are now, as
// a job would learn it. Text by default, one JSON object with --json.
import { readConfig, type ServeOptions } from '../config.js';
import { createContainer } from '../container.js';
import { domainNotFound, profileNotFound } from '../domain/errors.js';
import { toMatchRecord } from '../domain/identity-resolution/match-record.js';
import { findMatches, formatExplanation, type MatchRecord } from '../matching/index.js';

const PAGE = 1_000;

export async function explainMatch(left: string, right: string, options: ServeOptions & { domain: string; json?: boolean }): Promise<void> {
  const config = readConfig(options);
  const container = await createContainer(config);
  try {
    const scope = { accountId: config.accountId, region: config.region };
    if (!(await container.store.domains.get(scope, options.domain))) throw domainNotFound(options.domain);
    const records: MatchRecord[] = [];
    let after: string | undefined;
    do {
      const page = await container.store.identityResolution.profileDocuments(scope, options.domain, { after, limit: PAGE });
      for (const row of page.items) records.push(toMatchRecord(row.profileId, row.fields));
      after = page.nextAfter;
    } while (after !== undefined);
    const indexOf = (profileId: string): number => {
      const index = records.findIndex((record) => record.id === profileId);
      if (index < 0) throw profileNotFound(profileId);
      return index;
    };
    const explanation = findMatches(records).explain(indexOf(left), indexOf(right));
    const text = options.json ? JSON.stringify({ ProfileIds: [left, right], ...explanation }) : `${left} ~ ${right}\n${formatExplanation(explanation)}`;
    process.stdout.write(text + '\n');
  } finally {
    await container.close();
  }
}
