import { ExportLensCommand, GetLensCommand, ListLensesCommand, type Lens } from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { usePlumbline } from '../../api/plumbline-client';
import { allPages } from '../commons/all-pages';
import { downloadText } from '../commons/download-text';
import { fileNameOf } from '../commons/download-file';
import { useSession } from '../commons/session-context';
import { useLoad } from '../commons/use-load';
import { lensRows, type CustomLensRow } from '../custom-lenses/hooks';

export interface LensDetails {
  lens: Lens;
  /** Status, versions and dates as the Custom lenses list has them. */
  row: CustomLensRow;
  ownedByMe: boolean;
}

/** The lens (GetLens) and its row in ListLenses, which alone tells whether a draft waits. */
export function useLensDetails(arn: string) {
  const wa = useWellArchitected();
  const { session } = useSession();
  return useLoad<LensDetails>(async () => {
    const [{ Lens: lens = {} }, own, shared] = await Promise.all([
      wa.send(new GetLensCommand({ LensAlias: arn })),
      allPages((NextToken) => wa.send(new ListLensesCommand({ LensType: 'CUSTOM_SELF', NextToken, MaxResults: 50 })), (o) => o.LensSummaries),
      allPages((NextToken) => wa.send(new ListLensesCommand({ LensType: 'CUSTOM_SHARED', NextToken, MaxResults: 50 })), (o) => o.LensSummaries),
    ]);
    const row = lensRows([...own, ...shared].filter((s) => (s.LensArn ?? s.LensAlias) === arn))[0] ?? {
      arn,
      name: lens.Name ?? arn,
      description: lens.Description,
      owner: lens.Owner,
      status: lens.LensVersion ? 'PUBLISHED' : 'DRAFT',
      version: lens.LensVersion,
      hasDraft: !lens.LensVersion,
    };
    return { lens, row, ownedByMe: (lens.Owner ?? row.owner) === session.accountId };
  }, [wa, arn, session.accountId]);
}

export interface PillarChange {
  PillarId: string;
  PillarName: string;
  DifferenceStatus: 'NEW' | 'UPDATED' | 'DELETED';
  QuestionDifferences: Array<{ QuestionId: string; QuestionTitle: string; DifferenceStatus: 'NEW' | 'UPDATED' | 'DELETED' }>;
}

/** What publishing the draft changes (Plumbline's GetLensDraftDifference). */
export interface DraftDifference {
  LensArn: string;
  LensName: string;
  LensDescription: string;
  BaseLensVersion?: string;
  BaseLensName?: string;
  BaseLensDescription?: string;
  VersionDifferences: { PillarDifferences: PillarChange[] };
}

export function useDraftDifference(arn: string, active: boolean) {
  const plumbline = usePlumbline();
  return useLoad<DraftDifference | undefined>(
    async () => (active ? ((await plumbline('GetLensDraftDifference', { LensAlias: arn })) as DraftDifference) : undefined),
    [plumbline, arn, active],
  );
}

/** Downloads the lens file: the latest published version, or the draft of a lens never published. */
export function useExportLens() {
  const wa = useWellArchitected();
  return async (arn: string, name: string, version?: string) => {
    const { LensJSON = '' } = await wa.send(new ExportLensCommand({ LensAlias: arn }));
    downloadText(LensJSON, `${fileNameOf(name, version ?? 'draft')}.json`);
  };
}
