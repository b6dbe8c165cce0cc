import { DeleteReviewTemplateCommand, type ReviewTemplateSummary } from '@aws-sdk/client-wellarchitected';
import { useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { DeleteButton } from '../commons/delete-modal';
import { ListPage } from '../commons/list-page';
import { useOwnedList, type OwnerType } from '../commons/owner-filter';
import { useSession } from '../commons/session-context';
import { useConfirmDelete } from '../commons/use-confirm-delete';
import { DeleteTemplateModal, TEMPLATE_COLUMNS, TEMPLATES_CRUMB } from './config';
import { useReviewTemplates } from './hooks';

/** Review templates: owned by the account or shared with it; create, open, delete. */
export default function ReviewTemplatesPage() {
  const wa = useWellArchitected();
  const { session } = useSession();
  const templates = useReviewTemplates();
  const [owner, setOwner] = useState<OwnerType>('SELF');
  const del = useConfirmDelete(async (t: ReviewTemplateSummary) => {
    await wa.send(new DeleteReviewTemplateCommand({ TemplateArn: t.TemplateArn! }));
    templates.reload();
  }, 'The review template was deleted. Workloads created from it keep their answers.');
  // ListReviewTemplates lists both owners at once: the switch picks from them here.
  const shown = (templates.data ?? []).filter((t) => (t.Owner === session.accountId) === (owner === 'SELF'));
  const list = useOwnedList('review template', templates, {
    crumb: TEMPLATES_CRUMB, owner, onOwnerChange: setOwner, columns: TEMPLATE_COLUMNS, sortingColumn: TEMPLATE_COLUMNS[5],
    trackBy: 'TemplateArn', rowName: (t) => t.TemplateName, fields: ['TemplateName', 'Description', 'Owner'], items: shown, createText: 'Create template',
  });
  return (
    <ListPage
      {...list.page}
      description="A review template holds answers and notes that recur across workloads; apply it to new or existing workloads to start their reviews from them."
      actions={list.headerActions(
        <DeleteButton selected={list.selected} onAsk={del.ask} />,
      )}
    >
      <DeleteTemplateModal name={del.target?.TemplateName} {...del.modal} />
    </ListPage>
  );
}
