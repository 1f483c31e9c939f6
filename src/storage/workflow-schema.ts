// Kysely table types for integration workflows, their steps and connector profiles (migration 0016).

export interface WorkflowsTable {
  account_id: string;
  region: string;
  domain_name: string;
  workflow_id: string;
  workflow_type: string;
  object_type_name: string;
  status: string;
  error_description: string | null;
  config_json: string;
  integration_uri: string;
  records_processed: number;
  steps_completed: number;
  total_steps: number;
  start_date: number | null;
  created_at: number;
  last_updated_at: number;
}

export interface WorkflowStepsTable {
  account_id: string;
  region: string;
  domain_name: string;
  workflow_id: string;
  step_no: number;
  kind: string;
  flow_name: string;
  status: string;
  execution_message: string;
  records_processed: number;
  window_start: number | null;
  window_end: number | null;
  cursor: string | null;
  pages_done: number;
  watermark: number | null;
  created_at: number;
  last_updated_at: number;
}

export interface ConnectorProfilesTable {
  account_id: string;
  region: string;
  name: string;
  connector_type: string;
  instance_url: string | null;
  sealed_credentials: string;
  /** Comma-separated bucket names (S3 profiles); null: not limited to named buckets. */
  buckets: string | null;
  created_at: number;
  last_updated_at: number;
}

export interface WorkflowTables {
  workflows: WorkflowsTable;
  workflow_steps: WorkflowStepsTable;
  connector_profiles: ConnectorProfilesTable;
}
