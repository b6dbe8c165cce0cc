import { ListLensesCommand, type LensSummary } from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { allPages } from '../commons/all-pages';
import { segment } from '../commons/format';
import { useLoad } from '../commons/use-load';

/**
 * One custom lens as the Custom lenses page shows it. ListLenses lists an owned lens
 * twice while it has both a published version and an unpublished draft; the page
 * shows it once, PUBLISHED with its version name, and says a draft is waiting.
 */
export interface CustomLensRow {
  arn: string;
  name: string;
  description?: string;
  owner?: string;
  status: 'PUBLISHED' | 'DRAFT';
  /** The latest published version's name. */
  version?: string;
  hasDraft: boolean;
  updatedAt?: Date;
}

export type CustomLensType = 'CUSTOM_SELF' | 'CUSTOM_SHARED';

export function lensRows(summaries: LensSummary[]): CustomLensRow[] {
  const rows = new Map<string, CustomLensRow>();
  for (const s of summaries) {
    const arn = s.LensArn ?? s.LensAlias ?? '';
    const row = rows.get(arn) ?? { arn, name: s.LensName ?? arn, status: 'DRAFT', hasDraft: false };
    // The model types LensStatus as CURRENT..., but ListLenses answers a custom lens's DRAFT or PUBLISHED in it.
    if ((s.LensStatus as string) === 'DRAFT') {
      row.hasDraft = true;
      if (row.status === 'DRAFT') Object.assign(row, { name: s.LensName ?? row.name, description: s.Description });
    } else {
      Object.assign(row, { status: 'PUBLISHED', version: s.LensVersion, name: s.LensName ?? row.name, description: s.Description });
    }
    row.owner = s.Owner ?? row.owner;
    if (s.UpdatedAt && (!row.updatedAt || s.UpdatedAt > row.updatedAt)) row.updatedAt = s.UpdatedAt;
    rows.set(arn, row);
  }
  return [...rows.values()];
}

/** Every custom lens of one kind (every page of ListLenses), one row per lens. */
export function useCustomLenses(type: CustomLensType) {
  const wa = useWellArchitected();
  return useLoad<CustomLensRow[]>(
    async () =>
      lensRows(
        await allPages(
          (NextToken) => wa.send(new ListLensesCommand({ LensType: type, LensStatus: 'ALL', NextToken, MaxResults: 50 })),
          (out) => out.LensSummaries,
        ),
      ),
    [wa, type],
  );
}

/** The Custom lenses page, first of its pages' breadcrumbs. */
export const LENSES_CRUMB = { text: 'Custom lenses', href: '/lenses' };

export const lensPath = (arn: string) => `/lenses/${segment(arn)}`;
