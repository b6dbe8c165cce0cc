import { GetLensCommand, GetLensVersionDifferenceCommand, ListNotificationsCommand, type NotificationSummary } from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { allPages } from '../commons/all-pages';
import { useLoad } from '../commons/use-load';

/** One row of the Lens upgrades page: a workload whose lens review is not on the lens's current version. */
export interface UpgradeRow {
  key: string;
  type: string;
  workloadId: string;
  workloadName: string;
  lensAlias: string;
  lensArn: string;
  /** The lens's name, or its alias when the lens can no longer be read (deleted by its owner). */
  lensName: string;
  versionInUse: string;
  latestVersion?: string;
}

/**
 * The guide's notification types: LENS_VERSION_UPGRADED is "Not current"; LENS_VERSION_DEPRECATED
 * is "Deleted" when no version is available any more (the owner deleted the custom lens), else "Deprecated".
 */
export function notificationTypeLabel(row: UpgradeRow): string {
  if (row.type === 'LENS_VERSION_UPGRADED') return 'Not current';
  return row.latestVersion ? 'Deprecated' : 'Deleted';
}

const rowOf = (n: NotificationSummary): UpgradeRow => {
  const s = n.LensUpgradeSummary ?? {};
  return {
    key: `${s.WorkloadId}/${s.LensAlias}`,
    type: n.Type ?? '',
    workloadId: s.WorkloadId ?? '',
    workloadName: s.WorkloadName ?? s.ResourceName ?? s.WorkloadId ?? '',
    lensAlias: s.LensAlias ?? '',
    lensArn: s.LensArn ?? s.LensAlias ?? '',
    lensName: s.LensAlias ?? '',
    versionInUse: s.CurrentLensVersion ?? '',
    latestVersion: s.LatestLensVersion,
  };
};

/** Every lens upgrade notification (every page of ListNotifications), with the names of the lenses (notifications carry only aliases and ARNs). */
export function useLensUpgrades() {
  const wa = useWellArchitected();
  return useLoad(async () => {
    const rows = (await allPages((NextToken) => wa.send(new ListNotificationsCommand({ MaxResults: 50, NextToken })), (out) => out.NotificationSummaries)).map(rowOf);
    const aliases = [...new Set(rows.map((r) => r.lensAlias))];
    const names = new Map(
      await Promise.all(
        aliases.map(async (alias) => [alias, await wa.send(new GetLensCommand({ LensAlias: alias })).then((out) => out.Lens?.Name, () => undefined)] as const),
      ),
    );
    return rows.map((row) => ({ ...row, lensName: names.get(row.lensAlias) ?? row.lensAlias }));
  }, [wa]);
}

/** What changed, pillar by pillar, between the version a workload uses and the lens's latest version. */
export function useVersionDifference(row: UpgradeRow | undefined) {
  const wa = useWellArchitected();
  return useLoad(async () => {
    if (!row?.latestVersion) return undefined;
    const out = await wa.send(
      new GetLensVersionDifferenceCommand({ LensAlias: row.lensAlias, BaseLensVersion: row.versionInUse, TargetLensVersion: row.latestVersion }),
    );
    return out.VersionDifferences?.PillarDifferences ?? [];
  }, [wa, row?.key, row?.latestVersion]);
}
