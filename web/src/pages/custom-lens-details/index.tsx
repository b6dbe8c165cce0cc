import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs from '@cloudscape-design/components/tabs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../commons/error-alert';
import { LensDeleteModal } from '../commons/lens-delete-modal';
import { ContentPage } from '../commons/page';
import { useAction } from '../commons/use-action';
import { LENSES_CRUMB, lensPath } from '../custom-lenses/hooks';
import { useExportLens, useLensDetails } from './hooks';
import { LensShares } from './lens-shares';
import { LensOverview } from './overview';
import { PublishModal } from './publish-modal';
import { UpdateModal } from './update-modal';

type Dialog = 'publish' | 'edit' | 'delete' | undefined;

/** A custom lens: its overview, Publish lens, Edit (a new draft), Export, Delete and, for its owner, Shares. */
export default function CustomLensDetails() {
  const arn = decodeURIComponent(useParams().lensArn ?? '');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const details = useLensDetails(arn);
  const exportLens = useExportLens();
  const [dialog, setDialog] = useState<Dialog>();
  const [tab, setTab] = useState('overview');
  const row = details.data?.row;
  const owned = details.data?.ownedByMe ?? false;
  const exporting = useAction(() => exportLens(arn, row?.name ?? 'lens', row?.version));

  // The list's Edit and Publish lens buttons open their dialog here (?action=...).
  const action = params.get('action');
  useEffect(() => {
    if (!details.data || !action) return;
    if (owned && (action === 'edit' || (action === 'publish' && details.data.row.hasDraft))) setDialog(action);
    setParams({}, { replace: true });
  }, [details.data, action, owned, setParams]);

  const name = row?.name ?? details.data?.lens.Name ?? 'Custom lens';
  const breadcrumbs = [LENSES_CRUMB, { text: name, href: lensPath(arn) }];
  if (!details.data) {
    return (
      <ContentPage breadcrumbs={breadcrumbs} title="Custom lens">
        {details.loading ? <Spinner size="large" /> : <ErrorAlert error={details.error} />}
      </ContentPage>
    );
  }
  const lens = details.data.row;
  return (
    <ContentPage
      breadcrumbs={breadcrumbs}
      title={name}
      actions={
        owned && (
          <SpaceBetween direction="horizontal" size="xs">
            <Button onClick={() => setDialog('delete')}>Delete</Button>
            <Button iconName="download" loading={exporting.running} onClick={() => void exporting.run()}>
              Export
            </Button>
            <Button onClick={() => setDialog('edit')}>Edit</Button>
            <Button variant="primary" disabled={!lens.hasDraft} onClick={() => setDialog('publish')}>
              Publish lens
            </Button>
          </SpaceBetween>
        )
      }
    >
      <SpaceBetween size="m">
        <ErrorAlert error={exporting.error} />
        <ErrorAlert error={details.error} />
        {owned && lens.hasDraft && (
          <Alert type="info" header={lens.version ? 'A draft waits to be published' : 'This lens is a draft'}>
            {lens.version
              ? `Workloads keep using version ${lens.version} until you publish the draft.`
              : 'Publish it before applying it to workloads or sharing it.'}
          </Alert>
        )}
        {!owned && <Alert type="info">This lens is shared with you by account {lens.owner}. Only its owner can change or share it.</Alert>}
        <Tabs
          activeTabId={tab}
          onChange={({ detail }) => setTab(detail.activeTabId)}
          tabs={[
            { id: 'overview', label: 'Overview', content: <LensOverview details={details.data} /> },
            ...(owned ? [{ id: 'shares', label: 'Shares', content: <LensShares lens={lens} /> }] : []),
          ]}
        />
      </SpaceBetween>
      {owned && (
        <>
          <PublishModal
            lens={lens}
            visible={dialog === 'publish'}
            onDismiss={() => setDialog(undefined)}
            onPublished={() => (setDialog(undefined), details.reload())}
          />
          <UpdateModal lens={lens} visible={dialog === 'edit'} onDismiss={() => setDialog(undefined)} onUpdated={() => (setDialog(undefined), details.reload())} />
          <LensDeleteModal
            lens={dialog === 'delete' ? lens : undefined}
            onDismiss={() => setDialog(undefined)}
            onDeleted={(gone) => (setDialog(undefined), gone ? navigate('/lenses') : details.reload())}
          />
        </>
      )}
    </ContentPage>
  );
}
