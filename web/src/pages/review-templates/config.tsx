import type { ReviewTemplateSummary } from '@aws-sdk/client-wellarchitected';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import { DeleteModal, type DeleteModalState } from '../commons/delete-modal';
import { formatTime, segment } from '../commons/format';
import { nameColumn } from '../commons/resource-table';

export const TEMPLATES_CRUMB = { text: 'Review templates', href: '/templates' };

/** CURRENT, or LENS_NOT_CURRENT when one of its lenses has a newer version to upgrade to. */
export function UpdateStatus({ status }: { status: string | undefined }) {
  return status === 'LENS_NOT_CURRENT' ? (
    <StatusIndicator type="warning">Lens upgrade available</StatusIndicator>
  ) : (
    <StatusIndicator type="success">Current</StatusIndicator>
  );
}

export const TEMPLATE_COLUMNS: TableProps.ColumnDefinition<ReviewTemplateSummary>[] = [
  nameColumn('TemplateName', (t) => `/templates/${segment(t.TemplateArn!)}`),
  { id: 'description', header: 'Description', cell: (t) => t.Description ?? '-' },
  { id: 'lenses', header: 'Lenses', cell: (t) => (t.Lenses ?? []).join(', ') || '-' },
  { id: 'status', header: 'Update status', cell: (t) => <UpdateStatus status={t.UpdateStatus} />, sortingField: 'UpdateStatus' },
  { id: 'owner', header: 'Owner', cell: (t) => t.Owner, sortingField: 'Owner' },
  { id: 'updated', header: 'Last updated', cell: (t) => formatTime(t.UpdatedAt), sortingComparator: (a, b) => +(a.UpdatedAt ?? 0) - +(b.UpdatedAt ?? 0) },
];

/** Asks before deleting a review template, from the list or from its page. */
export function DeleteTemplateModal({ name, ...modal }: DeleteModalState & { name: string | undefined }) {
  return (
    <DeleteModal header="Delete review template" {...modal}>
      Delete review template <b>{name}</b> with its answers and shares? Workloads created from it keep what they got.
    </DeleteModal>
  );
}
