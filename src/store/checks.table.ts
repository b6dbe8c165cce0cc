type Millis = number;

/** Check results from scanners and the resources they flagged (migration 0009-check-results). */

export interface CheckResultsTable {
  workload_id: string;
  lens_key: string;
  pillar_id: string;
  question_id: string;
  choice_id: string;
  source: string;
  check_id: string;
  account_id: string;
  name: string;
  description: string;
  status: string;
  flagged_resources: number;
  updated_at: Millis;
}

export interface CheckResourcesTable {
  workload_id: string;
  source: string;
  account_id: string;
  check_id: string;
  resource_id: string;
  name: string | null;
  region: string | null;
  type: string | null;
  status: string;
  message: string | null;
}

/** check_results as they were when a milestone was saved (migration 0015-milestone-checks). */
export interface MilestoneCheckResultsTable extends CheckResultsTable {
  milestone_number: number;
}
