import { DeleteReviewTemplateCommand, type ReviewTemplateSummary } from '@aws-sdk/client-wellarchitected';
import Button from '@cloudscape-design/components/button';
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
import { useResourceTable } from '../commons/resource-table';
import { TableHeader } from '../commons/table-header';
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
  const list = useResourceTable('review template', templates, {
    trackBy: 'TemplateArn', rowName: (t) => t.TemplateName, items: shown, selectionType: owned ? 'single' : 'none',
    filtering: {
      fields: ['TemplateName', 'Description', 'Owner'],
      empty: owned ? 'You have no review templates yet.' : 'No review templates are shared with you.',
      noMatch: 'No review template matches the filter.',
    },
    sorting: { defaultState: { sortingColumn: TEMPLATE_COLUMNS[5], isDescending: true } },
  });
  const selected = list.selected;
  return (
    <SpaceBetween size="m">
      <Breadcrumbs items={[{ text: 'Review templates', href: '/templates' }]} />
      <ErrorAlert error={templates.error} />
      <Table
        {...list.table}
        variant="full-page"
        columnDefinitions={TEMPLATE_COLUMNS}
        header={
          <TableHeader variant="awsui-h1-sticky" title="Review templates" source={templates} items={shown} refreshLabel="Refresh review templates" description="A review template holds answers and notes that recur across workloads; apply it to new or existing workloads to start their reviews from them.">
            {owned && (
              <Button disabled={!selected} onClick={() => del.ask(selected)}>
                Delete
              </Button>
            )}
            <Button variant="primary" onClick={() => navigate('/templates/new')}>
              Create template
            </Button>
          </TableHeader>
        }
        filter={<OwnerFilter owner={owned ? 'SELF' : 'SHARED'} onChange={(o) => setOwned(o === 'SELF')} textFilter={list.filter('Find review templates', 'Filter review templates')} />}
      />
      <DeleteModal header="Delete review template" {...del.modal}>
        Delete review template <b>{del.target?.TemplateName}</b> with its answers and shares? Workloads created from it keep what they got.
      </DeleteModal>
    </SpaceBetween>
  );
}
