// Kysely table types for calculated attribute definitions (migration 0032).

export interface CalculatedAttributeDefinitionsTable {
  account_id: string;
  region: string;
  domain_name: string;
  name: string;
  /** The definition as the API has it (AttributeDetails, Conditions, Filter, Statistic, names, UseHistoricalData). */
  definition_json: string;
  status: string;
  progress_percentage: number;
  readiness_message: string | null;
  /** Epoch ms before which no object counts (spec §3.8: a widened window never reaches back past the old one). */
  timestamp_floor: number | null;
  created_at: number;
  last_updated_at: number;
}

export interface CalculatedAttributeTables {
  calculated_attribute_definitions: CalculatedAttributeDefinitionsTable;
}
