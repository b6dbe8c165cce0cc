import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import { Pagination } from '../commons/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../commons/error-alert';
import { segment } from '../commons/format';
import { lensReviewPath } from '../commons/lens-answers';
import { notificationTypeLabel, useLensUpgrades, type UpgradeRow } from './hooks';
import { UpgradeModal } from './upgrade-modal';
import { TableHeader } from '../commons/table-header';
import { Breadcrumbs } from '../commons/breadcrumbs';

/** The Lens upgrades page: each workload not on the current version of one of its lenses, and the upgrade. */
export default function LensUpgradesPage() {
  const navigate = useNavigate();
  const upgrades = useLensUpgrades();
  const [upgrading, setUpgrading] = useState<UpgradeRow>();
  const follow = (href: string) => (event: CustomEvent) => {
    event.preventDefault();
    navigate(href);
  };
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(upgrades.data ?? [], {
    filtering: {
      filteringFunction: (row, text) =>
        [row.workloadName, row.lensName, notificationTypeLabel(row), row.versionInUse, row.latestVersion ?? ''].some((v) =>
          v.toLowerCase().includes(text.toLowerCase()),
        ),
      empty: <Box textAlign="center">Every workload uses the current version of its lenses.</Box>,
      noMatch: <Box textAlign="center">No workload matches the filter.</Box>,
    },
    pagination: { pageSize: 20 },
    sorting: {},
    selection: { trackBy: 'key' },
  });
  const selected = collectionProps.selectedItems?.[0];
  return (
    <SpaceBetween size="m">
      <Breadcrumbs items={[{ text: 'Lens upgrades', href: '/lens-upgrades' }]} />
      <ErrorAlert error={upgrades.error} />
      <Table
        {...collectionProps}
        variant="full-page"
        selectionType="single"
        trackBy="key"
        items={items}
        loading={upgrades.loading && !upgrades.data}
        loadingText="Loading lens upgrades"
        ariaLabels={{ itemSelectionLabel: (_, row) => `${row.workloadName}, ${row.lensName}`, selectionGroupLabel: 'Lens upgrades' }}
        header={
          <TableHeader
            variant="awsui-h1-sticky"
            title="Lens upgrades"
            items={upgrades.data}
            description="Workloads that do not use the current version of a lens. Upgrading keeps the answers to existing questions."
            onRefresh={upgrades.reload}
            refreshLabel="Refresh"
            refreshing={upgrades.loading && !!upgrades.data}
          >
            <Button variant="primary" disabled={!selected?.latestVersion} onClick={() => setUpgrading(selected)}>
              Upgrade lens version
            </Button>
          </TableHeader>
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
        filter={<TextFilter {...filterProps} filteringPlaceholder="Find lens upgrades" countText={`${filteredItemsCount ?? 0} matches`} />}
        pagination={<Pagination {...paginationProps} />}
      />
      <UpgradeModal
        row={upgrading}
        onDismiss={() => setUpgrading(undefined)}
        onUpgraded={() => {
          setUpgrading(undefined);
          upgrades.reload();
        }}
      />
    </SpaceBetween>
  );
}
