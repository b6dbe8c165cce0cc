import {
  CreateWorkloadShareCommand,
  ListShareInvitationsCommand,
  UpdateShareInvitationCommand,
  type PermissionType,
} from '@aws-sdk/client-wellarchitected';
import { expect } from 'vitest';
import type { Actor } from './accounts';

/** Sharing steps the sharing tests repeat: share, find the invitation, accept it. */

export async function shareWorkload(owner: Actor, WorkloadId: string, to: Actor | string, PermissionType: PermissionType) {
  const SharedWith = typeof to === 'string' ? to : to.sharedWith;
  const { ShareId } = await owner.client.send(new CreateWorkloadShareCommand({ WorkloadId, SharedWith, PermissionType }));
  return ShareId!;
}

/** The invitation to share this workload or lens with `sharedWith`, as the invitee lists it. */
export async function invitationOf(invitee: Actor, resourceId: string, sharedWith: string) {
  const { ShareInvitationSummaries = [] } = await invitee.client.send(new ListShareInvitationsCommand({}));
  return ShareInvitationSummaries.find((i) => (i.WorkloadId ?? i.LensArn) === resourceId && i.SharedWith === sharedWith);
}

export async function accept(invitee: Actor, resourceId: string, sharedWith = invitee.sharedWith) {
  const invitation = await invitationOf(invitee, resourceId, sharedWith);
  expect(invitation, `no invitation for ${sharedWith}`).toBeDefined();
  await invitee.client.send(new UpdateShareInvitationCommand({ ShareInvitationId: invitation!.ShareInvitationId, ShareInvitationAction: 'ACCEPT' }));
  return invitation!.ShareInvitationId!;
}
