import { DeleteReviewTemplateCommand } from '@aws-sdk/client-wellarchitected';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useWellArchitected } from '../../api/client';
import { ErrorAlert } from '../commons/error-alert';
import { segment } from '../commons/format';
import { Page } from '../commons/page';
import { sharesTab } from '../commons/resource-shares';
import { useSession } from '../commons/session-context';
import { useTemplateShareCalls } from '../commons/share-calls';
import { useConfirmDelete } from '../commons/use-confirm-delete';
import { DeleteTemplateModal, TEMPLATES_CRUMB } from '../review-templates/config';
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
  const del = useConfirmDelete(async () => {
    await wa.send(new DeleteReviewTemplateCommand({ TemplateArn: templateArn }));
    navigate('/templates');
  }, `Review template ${template.data?.TemplateName ?? ''} was deleted.`);
  const t = template.data;
  if (template.loading && !t) return <Spinner size="large" />;
  if (!t) return <ErrorAlert error={template.error} />;
  const owner = t.Owner === session.accountId;
  return (
    <Page
      breadcrumbs={[TEMPLATES_CRUMB, { text: t.TemplateName ?? 'Template', href: `/templates/${segment(templateArn)}` }]}
      title={t.TemplateName}
      description={t.Description}
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          {owner && <Button onClick={() => del.ask(t)}>Delete</Button>}
          {owner && <Button onClick={() => setApplying(true)}>Apply to existing workloads</Button>}
          {/* The define-workload wizard's lens step takes the template (CreateWorkload's ReviewTemplateArns). */}
          <Button variant="primary" onClick={() => navigate(`/workloads/new?reviewTemplateArn=${encodeURIComponent(templateArn)}`)}>
            Create workload from template
          </Button>
        </SpaceBetween>
      }
    >
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
      <DeleteTemplateModal name={t.TemplateName} {...del.modal} />
    </Page>
  );
}
