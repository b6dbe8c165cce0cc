import type { CheckResourcesTable, CheckResultsTable, MilestoneCheckResultsTable } from './checks.table';
import type { AuditDeadLettersTable, CacheVersionsTable, LeasesTable } from './operations-state.table';

/**
 * Row types of every table (the newer ones in <entity>.table.ts beside this file).
 * JSON columns are stored as text so that both dialects hold the same bytes;
 * booleans as 0/1; times as epoch milliseconds.
 */

type Json = string;
type Millis = number;

export interface AccountsTable {
  id: string;
  organization_id: string | null;
  organizational_unit_id: string | null;
  created_at: Millis;
}

export interface AccessKeysTable {
  access_key_id: string;
  account_id: string;
  /** null for the account's root user. */
  user_name: string | null;
  secret_sealed: string;
  status: string;
  created_at: Millis;
}

export interface WorkloadsTable {
  id: string;
  account_id: string;
  arn: string;
  name: string;
  name_key: string;
  description: string;
  environment: string;
  review_owner: string | null;
  architectural_design: string | null;
  industry_type: string | null;
  industry: string | null;
  notes: string | null;
  improvement_status: string;
  account_ids: Json;
  aws_regions: Json;
  non_aws_regions: Json;
  pillar_priorities: Json;
  applications: Json;
  discovery_config: Json | null;
  jira_config: Json | null;
  is_review_owner_update_acknowledged: number;
  risk_counts: Json;
  created_at: Millis;
  updated_at: Millis;
}

/**
 * Columns of workloads the database computes from risk_counts (1 or 0; migration
 * 0014-workload-risk-flags): never written, so not in WorkloadsTable's rows.
 */
export interface WorkloadRiskFlags {
  has_high_risks: number;
  has_medium_risks: number;
}

export interface LensReviewsTable {
  workload_id: string;
  /** The lens alias for AWS lenses, the lens ARN for custom lenses. */
  lens_key: string;
  lens_version: string;
  /** 0 when the lens was removed from the workload; its answers are kept. */
  active: number;
  position: number;
  notes: string | null;
  pillar_notes: Json;
  risk_counts: Json;
  updated_at: Millis;
}

/** The columns of one answer, a workload's or a review template's. */
interface AnswerColumns {
  lens_key: string;
  question_id: string;
  selected_choices: Json;
  choice_answers: Json;
  notes: string | null;
  is_applicable: number;
  reason: string | null;
  updated_at: Millis;
}

export interface AnswersTable extends AnswerColumns {
  workload_id: string;
  risk: string;
}

export interface MilestonesTable {
  workload_id: string;
  number: number;
  name: string;
  name_key: string;
  recorded_at: Millis;
  snapshot: Json;
}

export interface TagsTable {
  resource_arn: string;
  tag_key: string;
  tag_value: string;
}

export interface IdempotencyTable {
  account_id: string;
  operation: string;
  token: string;
  fingerprint: string;
  response: Json;
  created_at: Millis;
}

/** A custom lens: its draft (if any) and where its published versions stand. */
export interface CustomLensesTable {
  arn: string;
  account_id: string;
  /** Name and description of the latest import. */
  name: string;
  /** null once the lens is deleted, so its name can be used again. */
  name_key: string | null;
  description: string;
  draft_json: string | null;
  draft_updated_at: Millis | null;
  latest_version: string | null;
  version_count: number;
  /** Incremented on every publish and delete: lets caches keep the newest state they have seen. */
  revision: number;
  deleted_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
}

/** A published version of a custom lens, as imported; never changed. */
export interface CustomLensVersionsTable {
  lens_arn: string;
  version: string;
  /** 1 for the first version, then in publishing order. */
  sequence: number;
  is_major: number;
  name: string;
  description: string;
  lens_json: string;
  created_at: Millis;
}

/** A profile: its name and where its versions stand. Versions are numbered 1, 2, ... */
export interface ProfilesTable {
  arn: string;
  account_id: string;
  name: string;
  /** null once deleted, so its name can be used again. */
  name_key: string | null;
  description: string;
  latest_version: number;
  deleted_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
}

/** The answers of one version of a profile (question id -> choice ids); never changed. */
export interface ProfileVersionsTable {
  profile_arn: string;
  version: number;
  selections: Json;
  created_at: Millis;
}

export interface WorkloadProfilesTable {
  workload_id: string;
  profile_arn: string;
  profile_version: number;
}

export interface ReviewTemplatesTable {
  arn: string;
  account_id: string;
  name: string;
  description: string;
  notes: string | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface ReviewTemplateLensesTable {
  template_arn: string;
  lens_key: string;
  lens_version: string;
  position: number;
  notes: string | null;
  pillar_notes: Json;
  updated_at: Millis;
}

export interface ReviewTemplateAnswersTable extends AnswerColumns {
  template_arn: string;
}

/** A workload or lens shared with an account, a user, an organization or an OU, and its invitation. */
export interface SharesTable {
  id: string;
  invitation_id: string;
  resource_type: string;
  /** The workload id, or the lens ARN. */
  resource_id: string;
  owner_account_id: string;
  shared_with: string;
  recipient_kind: string;
  /** null for organization and OU shares. */
  recipient_account_id: string | null;
  recipient_user_name: string | null;
  permission: string;
  /** PENDING, ACCEPTED, REJECTED or ASSOCIATED; EXPIRED is computed from invited_at. */
  status: string;
  invited_at: Millis;
  created_at: Millis;
  updated_at: Millis;
}

/** An IAM user of an account; its access keys are rows of access_keys with its user_name. */
export interface UsersTable {
  account_id: string;
  user_name: string;
  name_key: string;
  user_id: string;
  /** scrypt hash of the console password; null when the user has none. */
  password_hash: string | null;
  password_changed_at: Millis | null;
  created_at: Millis;
}

export interface UserPoliciesTable {
  account_id: string;
  user_name: string;
  policy_name: string;
  /** The policy document as stored (validated). */
  document: Json;
  updated_at: Millis;
}

export interface UserManagedPoliciesTable {
  account_id: string;
  user_name: string;
  policy_arn: string;
  attached_at: Millis;
}

export interface OrganizationsTable {
  id: string;
  management_account_id: string;
  created_at: Millis;
}

export interface OrganizationalUnitsTable {
  id: string;
  organization_id: string;
  name: string;
  created_at: Millis;
}

export interface EventTargetsTable {
  id: string;
  account_id: string;
  name: string;
  name_key: string;
  /** `webhook` or `file`. */
  type: string;
  url: string | null;
  path: string | null;
  secret_sealed: string | null;
  pattern: Json | null;
  enabled: number;
  created_at: Millis;
  updated_at: Millis;
  last_attempt_at: Millis | null;
  last_status: string | null;
  last_error: string | null;
  last_success_at: Millis | null;
}

export interface EventOutboxTable {
  id: string;
  target_id: string;
  event_id: string;
  event_name: string;
  payload: Json;
  /** `PENDING`, `DELIVERED` or `FAILED` (gave up after the last attempt). */
  status: string;
  attempts: number;
  next_attempt_at: Millis;
  claimed_until: Millis | null;
  /** The process holding the claim until claimed_until (host, pid, random part). */
  claimed_by: string | null;
  last_error: string | null;
  created_at: Millis;
  delivered_at: Millis | null;
}

/** One audit record in one account's trail (see src/domain/audit/record.ts). */
export interface AuditRecordsTable {
  account_id: string;
  event_id: string;
  event_time: Millis;
  event_name: string;
  principal_arn: string;
  /** The resource the call was about, when it named one. */
  resource_arn: string | null;
  read_only: number;
  error_code: string | null;
  /** The record as JSON, exactly as the admin API returns it. */
  record: Json;
}

/** A console sign-in's temporary credentials (src/services/console/). */
export interface ConsoleSessionsTable {
  access_key_id: string;
  account_id: string;
  /** null for the account's root user. */
  user_name: string | null;
  secret_sealed: string;
  /** SHA-256 (hex) of the session token; the token itself is never stored. */
  token_sha256: string;
  created_at: Millis;
  expires_at: Millis;
  /** Set by sign-out. */
  ended_at: Millis | null;
}

/** The root user's console password, when one is set. */
export interface RootConsolePasswordsTable {
  account_id: string;
  password_hash: string;
  changed_at: Millis;
}

/** An account's global settings (UpdateGlobalSettings); no row means every default. */
export interface GlobalSettingsTable {
  account_id: string;
  /** ENABLED or DISABLED. */
  organization_sharing: string;
  discovery_integration: string;
  jira_issue_management_status: string | null;
  jira_issue_management_type: string | null;
  jira_project_key: string | null;
  updated_at: Millis;
}

/** Console sign-in attempts counted per identity or client address in a fixed window (migration 0013-sign-in-limits). */
export interface SignInLimitsTable {
  limit_key: string;
  window_start: Millis;
  attempts: number;
}

export interface Database {
  users: UsersTable;
  user_policies: UserPoliciesTable;
  user_managed_policies: UserManagedPoliciesTable;
  organizations: OrganizationsTable;
  organizational_units: OrganizationalUnitsTable;
  accounts: AccountsTable;
  access_keys: AccessKeysTable;
  workloads: WorkloadsTable;
  lens_reviews: LensReviewsTable;
  answers: AnswersTable;
  milestones: MilestonesTable;
  tags: TagsTable;
  idempotency: IdempotencyTable;
  custom_lenses: CustomLensesTable;
  custom_lens_versions: CustomLensVersionsTable;
  shares: SharesTable;
  profiles: ProfilesTable;
  profile_versions: ProfileVersionsTable;
  workload_profiles: WorkloadProfilesTable;
  review_templates: ReviewTemplatesTable;
  review_template_lenses: ReviewTemplateLensesTable;
  review_template_answers: ReviewTemplateAnswersTable;
  event_targets: EventTargetsTable;
  event_outbox: EventOutboxTable;
  audit_records: AuditRecordsTable;
  /** Records of changes, written with them, waiting to be moved into audit_records. */
  audit_journal: AuditRecordsTable;
  console_sessions: ConsoleSessionsTable;
  root_console_passwords: RootConsolePasswordsTable;
  sign_in_limits: SignInLimitsTable;
  global_settings: GlobalSettingsTable;
  check_results: CheckResultsTable;
  check_resources: CheckResourcesTable;
  milestone_check_results: MilestoneCheckResultsTable;
  audit_dead_letters: AuditDeadLettersTable;
  cache_versions: CacheVersionsTable;
  leases: LeasesTable;
}
