import { DeleteReviewTemplateCommand, type ReviewTemplateSummary } from '@aws-sdk/client-wellarchitected';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import { Pagination } from '../commons/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useWellArchitected } from '../../api/client';
import { Breadcrumbs } from '../commons/breadcrumbs';
import { DeleteModal } from '../commons/delete-modal';
import { ErrorAlert } from '../commons/error-alert';
import { OwnerFilter } from '../commons/owner-filter';
import { useSession } from '../commons/session-context';
import { useConfirmDelete } from '../commons/use-confirm-delete';
import { TEMPLATE_COLUMNS } from './config';
import { useReviewTemplates } from './hooks';

/** Review templates: owned by the account or shared with it; create, open, delete. */
export default function ReviewTemplatesPage() {
  const wa = useWellArchitected();
  const navigate = useNavigate();
  const { session } = useSession();
  const templates = useReviewTemplates();
  const [owned, setOwned] = useState(true);
  const del = useConfirmDelete(async (t: ReviewTemplateSummary) => {
    await wa.send(new DeleteReviewTemplateCommand({ TemplateArn: t.TemplateArn! }));
    templates.reload();
  }, 'The review template was deleted. Workloads created from it keep their answers.');
  const shown = (templates.data ?? []).filter((t) => (t.Owner === session.accountId) === owned);
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(shown, {
    filtering: {
      fields: ['TemplateName', 'Description', 'Owner'],
      empty: <Box textAlign="center">{owned ? 'You have no review templates yet.' : 'No review templates are shared with you.'}</Box>,
      noMatch: <Box textAlign="center">No review template matches the filter.</Box>,
    },
    pagination: { pageSize: 20 },
    sorting: { defaultState: { sortingColumn: TEMPLATE_COLUMNS[5], isDescending: true } },
    selection: {},
  });
  const selected = collectionProps.selectedItems?.[0];
  return (
    <SpaceBetween size="m">
      <Breadcrumbs items={[{ text: 'Review templates', href: '/templates' }]} />
      <ErrorAlert error={templates.error} />
      <Table
        {...collectionProps}
        variant="full-page"
        selectionType={owned ? 'single' : undefined}
        trackBy="TemplateArn"
        items={items}
        loading={templates.loading}
        loadingText="Loading review templates"
        columnDefinitions={TEMPLATE_COLUMNS}
        ariaLabels={{ itemSelectionLabel: (_, t) => `Select ${t.TemplateName}`, selectionGroupLabel: 'Review template selection' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={templates.data ? `(${shown.length})` : undefined}
            description="A review template holds answers and notes that recur across workloads; apply it to new or existing workloads to start their reviews from them."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh review templates" onClick={templates.reload} />
                {owned && (
                  <Button disabled={!selected} onClick={() => del.ask(selected)}>
                    Delete
                  </Button>
                )}
                <Button variant="primary" onClick={() => navigate('/templates/new')}>
                  Create template
                </Button>
              </SpaceBetween>
            }
          >
            Review templates
          </Header>
        }
        filter={
          <OwnerFilter
            owner={owned ? 'SELF' : 'SHARED'}
            onChange={(o) => setOwned(o === 'SELF')}
            filterProps={filterProps}
            filteredItemsCount={filteredItemsCount}
            plural="review templates"
          />
        }
        pagination={<Pagination {...paginationProps} />}
      />
      <DeleteModal header="Delete review template" {...del.modal}>
        Delete review template <b>{del.target?.TemplateName}</b> with its answers and shares? Workloads created from it keep what they got.
      </DeleteModal>
    </SpaceBetween>
  );
}
