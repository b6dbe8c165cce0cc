import { ValidationError } from '../domain/errors';
import type { Trx } from '../store/database';
import { findGlobalSettings, putGlobalSettings, type GlobalSettingsRow } from '../store/global-settings.repo';
import { mutate, read, type ServiceContext } from './context';
import type { Principal } from './principal';

/**
 * An account's global settings (GetGlobalSettings, UpdateGlobalSettings): organization
 * sharing (while DISABLED, the default as on the hosted service, shares with
 * organizations and OUs are refused), discovery integration, and the account's Jira
 * configuration. Plumbline stores these and gives them back; it connects to no Jira
 * and no discovery service, so the Jira integration always reads NOT_CONFIGURED (README).
 */

type Status = 'ENABLED' | 'DISABLED';

interface JiraConfigurationInput {
  IssueManagementStatus?: Status;
  IssueManagementType?: 'AUTO' | 'MANUAL';
  JiraProjectKey?: string;
  IntegrationStatus?: 'NOT_CONFIGURED';
}

const defaults = (accountId: string): GlobalSettingsRow => ({
  account_id: accountId,
  organization_sharing: 'DISABLED',
  discovery_integration: 'DISABLED',
  jira_issue_management_status: null,
  jira_issue_management_type: null,
  jira_project_key: null,
  updated_at: 0,
});

const jiraCleared = { jira_issue_management_status: null, jira_issue_management_type: null, jira_project_key: null };

const settingsOf = async (trx: Trx, accountId: string) => (await findGlobalSettings(trx, accountId)) ?? defaults(accountId);

export async function getGlobalSettings(ctx: ServiceContext, principal: Principal) {
  return read(ctx, async (trx) => {
    const s = await settingsOf(trx, principal.accountId);
    return {
      OrganizationSharingStatus: s.organization_sharing,
      DiscoveryIntegrationStatus: s.discovery_integration,
      JiraConfiguration: {
        IntegrationStatus: 'NOT_CONFIGURED',
        IssueManagementStatus: s.jira_issue_management_status ?? 'DISABLED',
        IssueManagementType: s.jira_issue_management_type ?? undefined,
        JiraProjectKey: s.jira_project_key ?? undefined,
      },
    };
  });
}

export async function updateGlobalSettings(
  ctx: ServiceContext,
  principal: Principal,
  input: { OrganizationSharingStatus?: Status; DiscoveryIntegrationStatus?: Status; JiraConfiguration?: JiraConfigurationInput },
) {
  return mutate(ctx, { principal, operation: 'UpdateGlobalSettings' }, async (trx) => {
    const current = await settingsOf(trx, principal.accountId);
    const jira = input.JiraConfiguration ?? {};
    // IntegrationStatus NOT_CONFIGURED disconnects Jira: the stored configuration is cleared first.
    const base = jira.IntegrationStatus === 'NOT_CONFIGURED' ? { ...current, ...jiraCleared } : current;
    await putGlobalSettings(trx, {
      ...base,
      organization_sharing: input.OrganizationSharingStatus ?? base.organization_sharing,
      discovery_integration: input.DiscoveryIntegrationStatus ?? base.discovery_integration,
      jira_issue_management_status: jira.IssueManagementStatus ?? base.jira_issue_management_status,
      jira_issue_management_type: jira.IssueManagementType ?? base.jira_issue_management_type,
      jira_project_key: jira.JiraProjectKey ?? base.jira_project_key,
      updated_at: ctx.now(),
    });
    return {};
  });
}

/** Refuses a share with an organization or OU while the owner's account has organization sharing disabled. */
export async function checkOrganizationSharing(trx: Trx, ownerAccountId: string, recipientKind: string | undefined): Promise<void> {
  if (recipientKind !== 'ORGANIZATION' && recipientKind !== 'ORGANIZATIONAL_UNIT') return;
  if ((await settingsOf(trx, ownerAccountId)).organization_sharing === 'ENABLED') return;
  throw ValidationError.field(
    'SharedWith',
    `organization sharing is disabled for account ${ownerAccountId}: enable it (UpdateGlobalSettings with OrganizationSharingStatus ENABLED) to share with organizations and OUs`,
  );
}

/**
 * Whether the account shows checks from scanners (DiscoveryIntegrationStatus): the console
 * and the lens review reports show them only when ENABLED; the API lists them either way.
 */
export async function discoveryStatus(trx: Trx, accountId: string): Promise<Status> {
  return (await settingsOf(trx, accountId)).discovery_integration as Status;
}
