import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useNavigate } from 'react-router-dom';
import { segment } from '../commons/format';
import { lensReviewPath } from '../commons/lens-answers';
import { notificationTypeLabel, useLensUpgrades, type UpgradeRow } from './hooks';
import { UpgradeModal } from './upgrade-modal';
import { useResourceTable } from '../commons/resource-table';
import { ListPage } from '../commons/list-page';
import { useItemDialog } from '../commons/use-item-dialog';

/** The Lens upgrades page: each workload not on the current version of one of its lenses, and the upgrade. */
export default function LensUpgradesPage() {
  const navigate = useNavigate();
  const upgrades = useLensUpgrades();
  const upgrading = useItemDialog<UpgradeRow>(upgrades.reload);
  const follow = (href: string) => (event: CustomEvent) => {
    event.preventDefault();
    navigate(href);
  };
  const list = useResourceTable('lens upgrade', upgrades, {
    trackBy: 'key', rowName: (row) => `${row.workloadName}, ${row.lensName}`,
    filtering: {
      filteringFunction: (row, text) =>
        [row.workloadName, row.lensName, notificationTypeLabel(row), row.versionInUse, row.latestVersion ?? ''].some((v) =>
          v.toLowerCase().includes(text.toLowerCase()),
        ),
      empty: 'Every workload uses the current version of its lenses.',
      noMatch: 'No workload matches the filter.',
    },
  });
  const selected = list.selected;
  return (
    <ListPage
      {...list.table}
      breadcrumbs={[{ text: 'Lens upgrades', href: '/lens-upgrades' }]}
      source={upgrades}
      description="Workloads that do not use the current version of a lens. Upgrading keeps the answers to existing questions."
      refreshLabel="Refresh"
      actions={
        <Button variant="primary" disabled={!selected?.latestVersion} onClick={() => upgrading.open(selected)}>
          Upgrade lens version
        </Button>
      }
      columnDefinitions={[
        {
          id: 'workload',
          header: 'Workload',
          sortingField: 'workloadName',
          cell: (row) => (
            <Link href={`/workloads/${segment(row.workloadId)}`} onFollow={follow(`/workloads/${segment(row.workloadId)}`)}>
              {row.workloadName}
            </Link>
          ),
        },
        {
          id: 'lens',
          header: 'Lens',
          sortingField: 'lensName',
          cell: (row) => (
            <Link href={lensReviewPath(row.workloadId, row.lensAlias)} onFollow={follow(lensReviewPath(row.workloadId, row.lensAlias))}>
              {row.lensName}
            </Link>
          ),
        },
        {
          id: 'type',
          header: 'Notification type',
          cell: (row) => {
            const label = notificationTypeLabel(row);
            return <StatusIndicator type={label === 'Not current' ? 'info' : 'warning'}>{label}</StatusIndicator>;
          },
        },
        { id: 'inUse', header: 'Version in use', cell: (row) => row.versionInUse, sortingField: 'versionInUse' },
        { id: 'available', header: 'Current available version', cell: (row) => row.latestVersion ?? 'None' },
      ]}
      filter={list.filter('Find lens upgrades')}
    >
      <UpgradeModal row={upgrading.item} onDismiss={upgrading.close} onUpgraded={upgrading.done} />
    </ListPage>
  );
}
