import { ListProfilesCommand, type ProfileSummary } from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { allPages } from '../commons/all-pages';
import type { OwnerType } from '../commons/owner-filter';
import { useLoad } from '../commons/use-load';

/** Every profile of one owner type: the account's own, or those shared with it and accepted. */
export function useProfiles(owner: OwnerType) {
  const wa = useWellArchitected();
  return useLoad<ProfileSummary[]>(
    () =>
      allPages(
        (NextToken) => wa.send(new ListProfilesCommand({ ProfileOwnerType: owner, NextToken, MaxResults: 50 })),
        (out) => out.ProfileSummaries,
      ),
    [wa, owner],
  );
}
