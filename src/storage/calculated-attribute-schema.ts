// Kysely table types for calculated attribute definitions and the entries that feed them (migration 0032).

export interface CalculatedAttributeDefinitionsTable {
  account_id: string;
  region: string;
  domain_name: string;
  name: string;
  /** The one object type the definition reads. */
  object_type_name: string;
  /** The definition as the API has it (AttributeDetails, Conditions, Filter, Statistic, names, UseHistoricalData). */
  definition_json: string;
  status: string;
  progress_percentage: number;
  readiness_message: string | null;
  /** Epoch ms before which no object counts (spec §3.8: a widened window never reaches back past the old one). */
  timestamp_floor: number | null;
  backfill_after: string | null;
  backfill_done: number;
  backfill_total: number | null;
  created_at: number;
  last_updated_at: number;
}

export interface CalculatedAttributeEntriesTable {
  account_id: string;
  region: string;
  domain_name: string;
  object_type_name: string;
  object_key: string;
  attribute_name: string;
  profile_id: string;
  ts: number;
  ingested_at: number;
  value_text: string | null;
  value_number: number | null;
}

export interface CalculatedAttributeTables {
  calculated_attribute_definitions: CalculatedAttributeDefinitionsTable;
  calculated_attribute_entries: CalculatedAttributeEntriesTable;
}
