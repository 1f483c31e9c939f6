// DeleteProfileObjectType's effect on integrations (spec §3.11): the deleted type is taken out of every integration.
import type { Repositories, Scope } from '../../storage/ports.js';
import { integrationArn } from '../arn.js';
import { definitionFromJson, definitionToJson, type IntegrationDefinition } from './integration.js';

const PAGE = 100;

/**
 * Disables the domain's integrations for `objectTypeName`: an ObjectTypeNames map loses the entries
 * naming it (the integration stays for its other types, LastUpdatedAt moves); an integration left
 * with no type at all (ObjectTypeName was it, or every entry named it) is deleted with its tags.
 * Hidden (workflow) integrations are included. Runs inside the deleting transaction.
 */
export async function detachObjectType(repos: Repositories, scope: Scope, domainName: string, objectTypeName: string, now: Date): Promise<void> {
  let after: string | undefined;
  do {
    const page = await repos.integrations.list(scope, domainName, { includeHidden: true }, { after, limit: PAGE });
    for (const record of page.items) {
      const definition = definitionFromJson(record.definition);
      const kept = remainingTypes(definition, objectTypeName);
      if (kept === 'untouched') continue;
      if (kept === undefined) {
        await repos.integrations.delete(scope, domainName, record.uri);
        const arn = integrationArn(scope, domainName, record.uri);
        await repos.tags.remove(scope, arn, Object.keys(await repos.tags.get(scope, arn)));
        continue;
      }
      const changed: IntegrationDefinition = { ...definition, objectTypeNames: kept };
      await repos.integrations.put(scope, { ...record, definition: definitionToJson(changed), lastUpdatedAt: now });
    }
    after = page.nextAfter;
  } while (after !== undefined);
}

/** The ObjectTypeNames left once `name` is gone; undefined when no type is left; 'untouched' when it was not referenced. */
function remainingTypes(definition: IntegrationDefinition, name: string): Readonly<Record<string, string>> | undefined | 'untouched' {
  if (definition.objectTypeName !== undefined) return definition.objectTypeName === name ? undefined : 'untouched';
  const entries = Object.entries(definition.objectTypeNames ?? {});
  const kept = entries.filter(([, type]) => type !== name);
  if (kept.length === entries.length) return 'untouched';
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
}
