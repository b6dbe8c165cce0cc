import Button from '@cloudscape-design/components/button';
import Tabs from '@cloudscape-design/components/tabs';
import type { ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ContentPage } from '../commons/page';
import { LensDeleteModal } from '../commons/lens-delete-modal';
import { LENSES_CRUMB, lensPath, useCustomLenses, type CustomLensRow } from './hooks';
import { LensTable } from './lens-table';
import { EmptyWithAction } from '../commons/resource-table';
import { useItemDialog } from '../commons/use-item-dialog';
import type { Loaded } from '../commons/use-load';

/** "Custom lenses": the account's own lenses and those shared with it, with the guide's actions. */
export default function CustomLenses() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const owned = useCustomLenses('CUSTOM_SELF');
  const shared = useCustomLenses('CUSTOM_SHARED');
  const deleting = useItemDialog<CustomLensRow>(owned.reload);
  const tab = params.get('tab') === 'shared' ? 'shared' : 'owned';
  const open = (lens: CustomLensRow | undefined, action?: string) =>
    lens && navigate(`${lensPath(lens.arn)}${action ? `?action=${action}` : ''}`);
  /** A tab: one list of lenses with its count in the label, a refresh and View details before the tab's own actions. */
  const lensTab = (id: string, title: string, lenses: Loaded<CustomLensRow[]>, tab: { description: string; empty: ReactNode; refreshLabel?: string; actions?: (selected?: CustomLensRow) => ReactNode }) => ({
    id,
    label: `${title}${lenses.data ? ` (${lenses.data.length})` : ''}`,
    content: (
      <LensTable
        title={title}
        description={tab.description}
        lenses={lenses}
        empty={tab.empty}
        refreshLabel={tab.refreshLabel ?? 'Refresh custom lenses'}
        actions={(selected) => (
          <>
            <Button disabled={!selected} onClick={() => open(selected)}>
              View details
            </Button>
            {tab.actions?.(selected)}
          </>
        )}
      />
    ),
  });

  return (
    <ContentPage
      breadcrumbs={[LENSES_CRUMB]}
      title="Custom lenses"
      description="Your own pillars, questions, best practices and improvement plans, applied to workloads like the AWS lenses. Publish a lens before applying or sharing it."
      actions={
        <Button variant="primary" onClick={() => navigate('/lenses/new')}>
          Create custom lens
        </Button>
      }
    >
      <Tabs
        activeTabId={tab}
        onChange={({ detail }) => setParams(detail.activeTabId === 'shared' ? { tab: 'shared' } : {}, { replace: true })}
        tabs={[
          lensTab('owned', 'Owned by me', owned, {
            description: 'Custom lenses you created. A lens in DRAFT must be published before it can be applied to workloads or shared.',
            empty: <EmptyWithAction title="No custom lenses" actionText="Create custom lens" onAction={() => navigate('/lenses/new')} size="xs" />,
            actions: (selected) => (
              <>
                <Button disabled={!selected} onClick={() => open(selected, 'edit')}>
                  Edit
                </Button>
                <Button disabled={!selected?.hasDraft} onClick={() => open(selected, 'publish')}>
                  Publish lens
                </Button>
                <Button disabled={!selected} onClick={() => deleting.open(selected)}>
                  Delete
                </Button>
              </>
            ),
          }),
          lensTab('shared', 'Shared with me', shared, {
            description: 'Published custom lenses other accounts shared with you, once you accepted their invitation.',
            empty: 'No custom lenses are shared with you. Accept lens invitations in Share invitations.',
            refreshLabel: 'Refresh shared lenses',
          }),
        ]}
      />
      <LensDeleteModal lens={deleting.item} onDismiss={deleting.close} onDeleted={deleting.done} />
    </ContentPage>
  );
}
