import { DeleteReviewTemplateCommand } from '@aws-sdk/client-wellarchitected';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useWellArchitected } from '../../api/client';
import { Breadcrumbs } from '../commons/breadcrumbs';
import { DeleteModal } from '../commons/delete-modal';
import { ErrorAlert } from '../commons/error-alert';
import { segment } from '../commons/format';
import { sharesTab } from '../commons/resource-shares';
import { useSession } from '../commons/session-context';
import { useTemplateShareCalls } from '../commons/share-calls';
import { useAction } from '../commons/use-action';
import { ApplyTemplateModal } from './apply-template';
import { useTemplate } from './hooks';
import { TemplateProperties } from './template-properties';
import { TemplateReview } from './template-review';

/** One review template: properties, its answers (answered like a review), shares; apply it to new or existing workloads. */
export function TemplateDetails({ templateArn }: { templateArn: string }) {
  const wa = useWellArchitected();
  const navigate = useNavigate();
  const { session } = useSession();
  const shareCalls = useTemplateShareCalls(templateArn);
  const template = useTemplate(templateArn);
  const [tab, setTab] = useState('answers');
  const [applying, setApplying] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useAction(async () => {
    await wa.send(new DeleteReviewTemplateCommand({ TemplateArn: templateArn }));
    navigate('/templates');
  }, `Review template ${template.data?.TemplateName ?? ''} was deleted.`);
  const t = template.data;
  if (template.loading && !t) return <Spinner size="large" />;
  if (!t) return <ErrorAlert error={template.error} />;
  const owner = t.Owner === session.accountId;
  return (
    <SpaceBetween size="m">
      <Breadcrumbs
        items={[
          { text: 'Review templates', href: '/templates' },
          { text: t.TemplateName ?? 'Template', href: `/templates/${segment(templateArn)}` },
        ]}
      />
      <Header
        variant="h1"
        description={t.Description}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            {owner && <Button onClick={() => setDeleting(true)}>Delete</Button>}
            {owner && <Button onClick={() => setApplying(true)}>Apply to existing workloads</Button>}
            {/* The define-workload wizard's lens step takes the template (CreateWorkload's ReviewTemplateArns). */}
            <Button variant="primary" onClick={() => navigate(`/workloads/new?reviewTemplateArn=${encodeURIComponent(templateArn)}`)}>
              Create workload from template
            </Button>
          </SpaceBetween>
        }
      >
        {t.TemplateName}
      </Header>
      <ErrorAlert error={template.error} />
      <Tabs
        activeTabId={tab}
        onChange={({ detail }) => setTab(detail.activeTabId)}
        tabs={[
          {
            id: 'answers',
            label: 'Answers',
            content: <TemplateReview templateArn={templateArn} lenses={t.Lenses ?? []} readOnly={!owner} onChanged={template.reload} key={(t.Lenses ?? []).join()} />,
          },
          { id: 'properties', label: 'Properties', content: <TemplateProperties template={t} editable={owner} onSaved={template.reload} /> },
          ...(owner ? [sharesTab('review template', shareCalls)] : []),
        ]}
      />
      <ApplyTemplateModal templateArn={templateArn} templateName={t.TemplateName ?? ''} visible={applying} onDismiss={() => setApplying(false)} />
      <DeleteModal
        visible={deleting}
        header="Delete review template"
        running={remove.running}
        error={remove.error}
        onConfirm={() => void remove.run()}
        onDismiss={() => setDeleting(false)}
      >
        Delete review template <b>{t.TemplateName}</b> with its answers and shares? Workloads created from it keep what they got.
      </DeleteModal>
    </SpaceBetween>
  );
}
