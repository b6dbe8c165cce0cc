import { ListShareInvitationsCommand, type ShareInvitationSummary, type ShareResourceType } from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { allPages } from '../commons/all-pages';
import { segment } from '../commons/format';
import { useLoad } from '../commons/use-load';

export const RESOURCE_TYPES: Array<{ type: ShareResourceType; label: string; noun: string }> = [
  { type: 'WORKLOAD', label: 'Workloads', noun: 'Workload' },
  { type: 'LENS', label: 'Custom lenses', noun: 'Custom lens' },
  { type: 'PROFILE', label: 'Profiles', noun: 'Profile' },
  { type: 'TEMPLATE', label: 'Review templates', noun: 'Review template' },
];

export type InvitationsByType = Record<ShareResourceType, ShareInvitationSummary[]>;

/** The caller's pending invitations, every page of each resource type. */
export function useInvitations() {
  const wa = useWellArchitected();
  return useLoad<InvitationsByType>(async () => {
    const lists = await Promise.all(
      RESOURCE_TYPES.map(({ type }) =>
        allPages(
          (NextToken) => wa.send(new ListShareInvitationsCommand({ ShareResourceType: type, NextToken, MaxResults: 50 })),
          (out) => out.ShareInvitationSummaries,
        ),
      ),
    );
    return Object.fromEntries(RESOURCE_TYPES.map(({ type }, i) => [type, lists[i]])) as InvitationsByType;
  }, [wa]);
}

export const invitationName = (i: ShareInvitationSummary) => i.WorkloadName ?? i.LensName ?? i.ProfileName ?? i.TemplateName ?? '-';

/** Where an accepted resource is found in the console. */
export function resourcePath(i: ShareInvitationSummary): string | undefined {
  if (i.WorkloadId) return `/workloads/${segment(i.WorkloadId)}`;
  if (i.LensArn) return `/lenses/${segment(i.LensArn)}`;
  if (i.ProfileArn) return `/profiles/${segment(i.ProfileArn)}`;
  if (i.TemplateArn) return `/templates/${segment(i.TemplateArn)}`;
  return undefined;
}

export const PERMISSIONS: Record<string, { label: string; details: string }> = {
  READONLY: { label: 'Read-only', details: 'Read access to the shared resource; it cannot be changed.' },
  CONTRIBUTOR: {
    label: 'Contributor',
    details: 'May update answers and their notes; read access to the rest of the workload.',
  },
};
