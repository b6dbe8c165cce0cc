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
 * takes. Each resource has its own commands and field names, so each gets a hook here and
 * every page that manages the resource's shares uses it.
 */

/** A custom lens's shares (custom lens details and the lens review's Shares tab). */
export function useLensShareCalls(lensArn: string): ShareCalls {
  const wa = useWellArchitected();
  return useMemo(() => ({
    load: () => allPages((NextToken) => wa.send(new ListLensSharesCommand({ LensAlias: lensArn, NextToken, MaxResults: 50 })), (out) => out.LensShareSummaries),
    create: (SharedWith: string) => wa.send(new CreateLensShareCommand({ LensAlias: lensArn, SharedWith })),
    remove: (ShareId: string) => wa.send(new DeleteLensShareCommand({ LensAlias: lensArn, ShareId })),
  }), [wa, lensArn]);
}

/** A profile's shares. */
export function useProfileShareCalls(profileArn: string): ShareCalls {
  const wa = useWellArchitected();
  return useMemo(() => ({
    load: () => allPages((NextToken) => wa.send(new ListProfileSharesCommand({ ProfileArn: profileArn, NextToken, MaxResults: 50 })), (out) => out.ProfileShareSummaries),
    create: (SharedWith: string) => wa.send(new CreateProfileShareCommand({ ProfileArn: profileArn, SharedWith })),
    remove: (ShareId: string) => wa.send(new DeleteProfileShareCommand({ ProfileArn: profileArn, ShareId })),
  }), [wa, profileArn]);
}

/** A review template's shares. */
export function useTemplateShareCalls(templateArn: string): ShareCalls {
  const wa = useWellArchitected();
  return useMemo(() => ({
    load: () => allPages((NextToken) => wa.send(new ListTemplateSharesCommand({ TemplateArn: templateArn, NextToken, MaxResults: 50 })), (out) => out.TemplateShareSummaries),
    create: (SharedWith: string) => wa.send(new CreateTemplateShareCommand({ TemplateArn: templateArn, SharedWith })),
    remove: (ShareId: string) => wa.send(new DeleteTemplateShareCommand({ TemplateArn: templateArn, ShareId })),
  }), [wa, templateArn]);
}
