import {
  CreateLensShareCommand,
  CreateProfileShareCommand,
  CreateTemplateShareCommand,
  DeleteLensShareCommand,
  DeleteProfileShareCommand,
  DeleteTemplateShareCommand,
  ListLensSharesCommand,
  ListProfileSharesCommand,
  ListTemplateSharesCommand,
} from '@aws-sdk/client-wellarchitected';
import { useMemo } from 'react';
import { useWellArchitected } from '../../api/client';
import { allPages } from './all-pages';
import type { ShareCalls } from './resource-shares';

/*
 * The list, create and delete calls of one shareable resource, in the shape <ResourceShares>
 * takes. The three resources differ only in their commands, the member that names the
 * resource and the list's member, so one table says those and one hook makes the calls.
 */

const SHARE_API = {
  lens: { resource: 'LensAlias', List: ListLensSharesCommand, Create: CreateLensShareCommand, Delete: DeleteLensShareCommand, listed: 'LensShareSummaries' },
  profile: { resource: 'ProfileArn', List: ListProfileSharesCommand, Create: CreateProfileShareCommand, Delete: DeleteProfileShareCommand, listed: 'ProfileShareSummaries' },
  template: { resource: 'TemplateArn', List: ListTemplateSharesCommand, Create: CreateTemplateShareCommand, Delete: DeleteTemplateShareCommand, listed: 'TemplateShareSummaries' },
} as const;

function useShareCalls(kind: keyof typeof SHARE_API, arn: string): ShareCalls {
  const wa = useWellArchitected();
  return useMemo(() => {
    const api = SHARE_API[kind];
    // The commands' inputs differ only by the resource member, which the table names.
    const send = (Command: new (input: any) => any, input: Record<string, unknown>): Promise<any> => wa.send(new Command({ [api.resource]: arn, ...input }));
    return {
      load: () => allPages((NextToken) => send(api.List, { NextToken, MaxResults: 50 }), (out) => out[api.listed]),
      create: (SharedWith: string) => send(api.Create, { SharedWith }),
      remove: (ShareId: string) => send(api.Delete, { ShareId }),
    };
  }, [wa, kind, arn]);
}

/** A custom lens's shares (custom lens details and the lens review's Shares tab). */
export const useLensShareCalls = (lensArn: string) => useShareCalls('lens', lensArn);
/** A profile's shares. */
export const useProfileShareCalls = (profileArn: string) => useShareCalls('profile', profileArn);
/** A review template's shares. */
export const useTemplateShareCalls = (templateArn: string) => useShareCalls('template', templateArn);
