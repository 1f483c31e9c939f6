// Storage contract for calculated attribute definitions (spec api-behaviour-2a §2.1, §3).
import type { JsonValue, Page, PageRequest, Scope } from './ports.js';

export type ReadinessStatus = 'PREPARING' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface CalculatedAttributeDefinitionRecord {
  readonly domainName: string;
  readonly name: string;
  /** The definition as the API has it; see domain/calculated-attributes/definition.ts. */
  readonly definition: JsonValue;
  readonly status: ReadinessStatus;
  readonly progressPercentage: number;
  readonly readinessMessage?: string;
  readonly timestampFloor?: Date;
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
}

export interface CalculatedAttributeDefinitionRepository {
  /** Throws UniqueViolationError when the name exists in the domain. */
  create(scope: Scope, record: CalculatedAttributeDefinitionRecord): Promise<void>;
  /** Replaces the stored record of the same name; false when there is none. */
  update(scope: Scope, record: CalculatedAttributeDefinitionRecord): Promise<boolean>;
  get(scope: Scope, domainName: string, name: string): Promise<CalculatedAttributeDefinitionRecord | undefined>;
  delete(scope: Scope, domainName: string, name: string): Promise<boolean>;
  /** The domain's definitions by name (code-point order). */
  list(scope: Scope, domainName: string, page: PageRequest): Promise<Page<CalculatedAttributeDefinitionRecord>>;
  count(scope: Scope, domainName: string): Promise<number>;
  deleteAllInDomain(scope: Scope, domainName: string): Promise<void>;
}
