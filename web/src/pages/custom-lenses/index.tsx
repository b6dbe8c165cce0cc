import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Breadcrumbs } from '../commons/breadcrumbs';
import { LensDeleteModal } from '../commons/lens-delete-modal';
import { lensPath, useCustomLenses, type CustomLensRow } from './hooks';
import { LensTable } from './lens-table';

/** "Custom lenses": the account's own lenses and those shared with it, with the guide's actions. */
export default function CustomLenses() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const owned = useCustomLenses('CUSTOM_SELF');
  const shared = useCustomLenses('CUSTOM_SHARED');
  const [deleting, setDeleting] = useState<CustomLensRow>();
  const tab = params.get('tab') === 'shared' ? 'shared' : 'owned';
  const open = (lens: CustomLensRow | undefined, action?: string) =>
    lens && navigate(`${lensPath(lens.arn)}${action ? `?action=${action}` : ''}`);

  return (
    <ContentLayout
      breadcrumbs={
        <Breadcrumbs items={[{ text: 'Custom lenses', href: '/lenses' }]} />
      }
      header={
        <Header
          variant="h1"
          description="Your own pillars, questions, best practices and improvement plans, applied to workloads like the AWS lenses. Publish a lens before applying or sharing it."
          actions={
            <Button variant="primary" onClick={() => navigate('/lenses/new')}>
              Create custom lens
            </Button>
          }
        >
          Custom lenses
        </Header>
      }
    >
      <Tabs
        activeTabId={tab}
        onChange={({ detail }) => setParams(detail.activeTabId === 'shared' ? { tab: 'shared' } : {}, { replace: true })}
        tabs={[
          {
            id: 'owned',
            label: `Owned by me${owned.data ? ` (${owned.data.length})` : ''}`,
            content: (
              <LensTable
                title="Owned by me"
                description="Custom lenses you created. A lens in DRAFT must be published before it can be applied to workloads or shared."
                lenses={owned}
                empty={
                  <Box textAlign="center">
                    <SpaceBetween size="xs">
                      <b>No custom lenses</b>
                      <Button onClick={() => navigate('/lenses/new')}>Create custom lens</Button>
                    </SpaceBetween>
                  </Box>
                }
                actions={(selected) => (
                  <SpaceBetween direction="horizontal" size="xs">
                    <Button iconName="refresh" ariaLabel="Refresh custom lenses" loading={owned.loading && !!owned.data} onClick={owned.reload} />
                    <Button disabled={!selected} onClick={() => open(selected)}>
                      View details
                    </Button>
                    <Button disabled={!selected} onClick={() => open(selected, 'edit')}>
                      Edit
                    </Button>
                    <Button disabled={!selected?.hasDraft} onClick={() => open(selected, 'publish')}>
                      Publish lens
                    </Button>
                    <Button disabled={!selected} onClick={() => setDeleting(selected)}>
                      Delete
                    </Button>
                  </SpaceBetween>
                )}
              />
            ),
          },
          {
            id: 'shared',
            label: `Shared with me${shared.data ? ` (${shared.data.length})` : ''}`,
            content: (
              <LensTable
                title="Shared with me"
                description="Published custom lenses other accounts shared with you, once you accepted their invitation."
                lenses={shared}
                empty={<Box textAlign="center">No custom lenses are shared with you. Accept lens invitations in Share invitations.</Box>}
                actions={(selected) => (
                  <SpaceBetween direction="horizontal" size="xs">
                    <Button iconName="refresh" ariaLabel="Refresh shared lenses" loading={shared.loading && !!shared.data} onClick={shared.reload} />
                    <Button disabled={!selected} onClick={() => open(selected)}>
                      View details
                    </Button>
                  </SpaceBetween>
                )}
              />
            ),
          },
        ]}
      />
      <LensDeleteModal lens={deleting} onDismiss={() => setDeleting(undefined)} onDeleted={() => (setDeleting(undefined), owned.reload())} />
    </ContentLayout>
  );
}
