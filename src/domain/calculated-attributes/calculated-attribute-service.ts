// Calculated attribute definitions (spec api-behaviour-2a §2.1, §3.1–§3.2, §3.8): create with every rule of §3.2,
// read, update DisplayName/Description/Conditions only, delete, list; tags live on the definition's ARN. Values are
// read by CalculatedValueService (calculated-value-service.ts).
import type { Conditions } from '../../generated/shapes.js';
import type { Repositories, Scope, Store, Tags } from '../../storage/ports.js';
import type { CalculatedAttributeDefinitionRecord, ReadinessStatus } from '../../storage/calculated-attribute-ports.js';
import { UniqueViolationError } from '../../storage/errors.js';
import type { Clock } from '../clock.js';
import { calculatedAttributeArn } from '../arn.js';
import {
  calculatedAttributeExists, calculatedAttributeNotFound, calculatedAttributeQuotaExceeded, calculatedAttributeRuleBroken,
  domainNotFound, immutableTimestampSource, tooManyTags,
} from '../errors.js';
import { scheduleBackfill } from '../../jobs/handlers/calculated-attribute-backfill.js';
import { MAX_TAGS_PER_RESOURCE } from '../domains/domain-service.js';
import { decodeNextToken, encodeNextToken } from '../pagination.js';
import { STANDARD_OBJECTS } from '../object-types/standard-objects.js';
import { TEMPLATES } from '../templates/index.js';
import { checkAttributeDetails, checkConditions, checkFilter, toStoredDefinition, windowDays, type CalculatedAttributeDefinition } from './definition.js';
import { DAY_MS } from '../ingestion/object-steps.js';

export interface CalculatedAttributeView {
  readonly name: string;
  readonly definition: CalculatedAttributeDefinition;
  readonly status: ReadinessStatus;
  readonly progressPercentage: number;
  readonly readinessMessage?: string;
  readonly timestampFloor?: Date;
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
  readonly tags: Tags;
}

export interface CalculatedAttributeChanges {
  readonly DisplayName?: string;
  readonly Description?: string;
  readonly Conditions?: Conditions;
}

export interface CalculatedAttributeLimits {
  readonly definitionsPerDomain: number;
}

function toView(record: CalculatedAttributeDefinitionRecord, tags: Tags): CalculatedAttributeView {
  const { domainName: _domain, objectTypeName: _type, definition, ...rest } = record;
  return { ...rest, definition: definition as unknown as CalculatedAttributeDefinition, tags };
}

/** The later window floor an update leaves (§3.8): widening never reaches back past the old window. */
function floorAfterUpdate(before: CalculatedAttributeView, conditions: Conditions | undefined, now: Date): Date | undefined {
  const oldDays = windowDays(before.definition.Conditions?.Range);
  const newDays = windowDays(conditions?.Range);
  if (!(newDays > oldDays)) return before.timestampFloor;
  const floor = now.getTime() - oldDays * DAY_MS;
  return new Date(Math.max(floor, before.timestampFloor?.getTime() ?? -Infinity));
}

export class CalculatedAttributeService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly limits: CalculatedAttributeLimits,
  ) {}

  async create(scope: Scope, domainName: string, name: string, definition: CalculatedAttributeDefinition, tags: Tags): Promise<CalculatedAttributeView> {
    const expression = checkAttributeDetails(definition.AttributeDetails);
    checkConditions(definition.Conditions, expression.objectTypeName);
    checkFilter(definition.Filter);
    if (Object.keys(tags).length > MAX_TAGS_PER_RESOURCE) throw tooManyTags(MAX_TAGS_PER_RESOURCE);
    return this.store.transaction(async (repos) => {
      if (!(await repos.domains.get(scope, domainName))) throw domainNotFound(domainName);
      if (await repos.calculatedAttributes.get(scope, domainName, name)) throw calculatedAttributeExists(name);
      if (!(await objectTypeKnown(repos, scope, domainName, expression.objectTypeName))) {
        throw calculatedAttributeRuleBroken(2, `Object type ${expression.objectTypeName} does not exist in domain ${domainName}`);
      }
      if ((await repos.calculatedAttributes.count(scope, domainName)) >= this.limits.definitionsPerDomain) {
        throw calculatedAttributeQuotaExceeded(this.limits.definitionsPerDomain);
      }
      const now = this.clock();
      const historical = definition.UseHistoricalData === true;
      const status: ReadinessStatus = historical ? 'PREPARING' : 'COMPLETED';
      const record: CalculatedAttributeDefinitionRecord = {
        domainName, name, objectTypeName: expression.objectTypeName, definition: toStoredDefinition(definition), status, progressPercentage: historical ? 0 : 100, createdAt: now, lastUpdatedAt: now,
      };
      try {
        await repos.calculatedAttributes.create(scope, record);
      } catch (error) {
        if (error instanceof UniqueViolationError) throw calculatedAttributeExists(name);
        throw error;
      }
      if (historical) await scheduleBackfill(repos.jobs, scope, domainName, name, now);
      const arn = calculatedAttributeArn(scope, domainName, name);
      // A definition of this name deleted earlier may have left nothing, but never let old tags resurface.
      await repos.tags.removeUnder(scope, arn);
      if (Object.keys(tags).length > 0) await repos.tags.put(scope, arn, tags);
      return toView(record, tags);
    });
  }

  async get(scope: Scope, domainName: string, name: string): Promise<CalculatedAttributeView> {
    const record = await requireDefinition(this.store, scope, domainName, name);
    return toView(record, await this.store.tags.get(scope, calculatedAttributeArn(scope, domainName, name)));
  }

  async update(scope: Scope, domainName: string, name: string, changes: CalculatedAttributeChanges): Promise<CalculatedAttributeView> {
    return this.store.transaction(async (repos) => {
      const record = await requireDefinition(repos, scope, domainName, name);
      const before = toView(record, {});
      const definition = before.definition;
      let conditions = definition.Conditions;
      if (changes.Conditions !== undefined) {
        conditions = withStoredTimestampSource(changes.Conditions, definition.Conditions);
        checkConditions(conditions, checkAttributeDetails(definition.AttributeDetails).objectTypeName);
      }
      const now = this.clock();
      const next: CalculatedAttributeDefinition = {
        ...definition,
        ...(changes.DisplayName !== undefined && { DisplayName: changes.DisplayName }),
        ...(changes.Description !== undefined && { Description: changes.Description }),
        ...(conditions !== undefined ? { Conditions: conditions } : {}),
      };
      const timestampFloor = floorAfterUpdate(before, conditions, now);
      const updated: CalculatedAttributeDefinitionRecord = { ...record, definition: toStoredDefinition(next), lastUpdatedAt: now, ...(timestampFloor && { timestampFloor }) };
      await repos.calculatedAttributes.update(scope, updated);
      return toView(updated, await repos.tags.get(scope, calculatedAttributeArn(scope, domainName, name)));
    });
  }

  async delete(scope: Scope, domainName: string, name: string): Promise<void> {
    await this.store.transaction(async (repos) => {
      await requireDefinition(repos, scope, domainName, name);
      await repos.calculatedAttributeEntries.removeDefinition(scope, domainName, name);
      await repos.calculatedAttributes.delete(scope, domainName, name);
      await repos.tags.removeUnder(scope, calculatedAttributeArn(scope, domainName, name));
    });
  }

  async list(scope: Scope, domainName: string, maxResults: number, nextToken: string | undefined): Promise<{ items: CalculatedAttributeView[]; nextToken?: string }> {
    const list = `calculated-attributes:${domainName}`;
    const after = decodeNextToken(list, scope, nextToken);
    if (!(await this.store.domains.get(scope, domainName))) throw domainNotFound(domainName);
    const page = await this.store.calculatedAttributes.list(scope, domainName, { after, limit: maxResults });
    const arns = page.items.map((record) => calculatedAttributeArn(scope, domainName, record.name));
    const tags = await this.store.tags.getMany(scope, arns);
    return { items: page.items.map((record, i) => toView(record, tags.get(arns[i]!) ?? {})), nextToken: encodeNextToken(list, scope, page.nextAfter) };
  }
}

/** The stored definition; 404 naming the domain or the definition that is missing. */
export async function requireDefinition(repos: Repositories, scope: Scope, domainName: string, name: string): Promise<CalculatedAttributeDefinitionRecord> {
  if (!(await repos.domains.get(scope, domainName))) throw domainNotFound(domainName);
  const record = await repos.calculatedAttributes.get(scope, domainName, name);
  if (!record) throw calculatedAttributeNotFound(name);
  return record;
}

/** A defined object type of the domain, an implicit template type, or a standard object type (§3.2 rule 2). */
async function objectTypeKnown(repos: Repositories, scope: Scope, domainName: string, name: string): Promise<boolean> {
  if (STANDARD_OBJECTS.has(name) || TEMPLATES.has(name)) return true;
  return (await repos.objectTypes.get(scope, domainName, name)) !== undefined;
}

/** Conditions replace the stored ones as a unit, except the timestamp source and format, which never change (§2.1). */
function withStoredTimestampSource(conditions: Conditions, stored: Conditions | undefined): Conditions {
  const storedRange = stored?.Range;
  for (const member of ['TimestampSource', 'TimestampFormat'] as const) {
    const sent = conditions.Range?.[member];
    if (sent !== undefined && sent !== storedRange?.[member]) throw immutableTimestampSource(member);
  }
  if (storedRange?.TimestampSource === undefined) return conditions;
  const range = { ...conditions.Range, TimestampSource: storedRange.TimestampSource, TimestampFormat: storedRange.TimestampFormat };
  return { ...conditions, Range: range };
}
