import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Tabs from '@cloudscape-design/components/tabs';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Page } from '../commons/page';
import { useLensReport } from '../commons/lens-report';
import { useWellArchitected } from '../../api/client';
import { ErrorAlert } from '../commons/error-alert';
import { lensReviewCrumbs, loadLensAnswers, questionPath, questionToContinue } from '../commons/lens-answers';
import { questionsAnswered } from '../commons/risk-counts';
import { useAction } from '../commons/use-action';
import { isCustomLensArn, useLensReviewPage } from './hooks';
import { ImprovementPlanTab } from './improvement-plan-tab';
import { OverviewTab } from './overview-tab';
import { SharesTab } from './shares-tab';

/** Lens details of a workload: Overview, Improvement plan, Shares (custom lenses), Generate report, Continue reviewing. */
export default function LensReviewPage() {
  const params = useParams();
  const workloadId = params.workloadId ?? '';
  const lensAlias = params.lensAlias ?? '';
  const navigate = useNavigate();
  const wa = useWellArchitected();
  const [search, setSearch] = useSearchParams();
  const page = useLensReviewPage(workloadId, lensAlias);
  const review = page.data?.review;
  const workloadName = page.data?.workload?.WorkloadName ?? workloadId;
  const lensName = review?.LensName ?? lensAlias;

  const lensReport = useLensReport();
  const report = useAction(() => lensReport({ workloadId, lensAlias, names: [workloadName, lensName] }), 'The report was generated and downloaded.');
  const resume = useAction(async () => {
    const pillars = await loadLensAnswers(wa, workloadId, lensAlias, review?.PillarReviewSummaries ?? []);
    const questionId = questionToContinue(pillars);
    if (!questionId) throw new Error('This lens has no questions to review.');
    navigate(questionPath(workloadId, lensAlias, questionId));
  });

  const custom = isCustomLensArn(review?.LensArn);
  const tab = search.get('tab') ?? 'overview';
  const tabs = review
    ? [
        { id: 'overview', label: 'Overview', content: <OverviewTab workloadId={workloadId} review={review} onChanged={page.reload} /> },
        { id: 'improvement-plan', label: 'Improvement plan', content: <ImprovementPlanTab workloadId={workloadId} lensAlias={lensAlias} review={review} /> },
        ...(custom ? [{ id: 'shares', label: 'Shares', content: <SharesTab lensArn={review.LensArn!} lens={page.data?.lens} /> }] : []),
      ]
    : [];

  return (
    <Page
      breadcrumbs={lensReviewCrumbs(workloadId, workloadName, lensAlias, lensName)}
      title={lensName}
      description={review ? `Version ${review.LensVersion ?? '-'} of the lens, applied to ${workloadName}.` : undefined}
      actions={
        <SpaceBetween direction="horizontal" size="xs" alignItems="center">
          {report.running && <StatusIndicator type="in-progress">Generating the report…</StatusIndicator>}
          <Button loading={report.running} disabled={!review} onClick={() => void report.run()}>
            Generate report
          </Button>
          <Button variant="primary" loading={resume.running} disabled={!review} onClick={() => void resume.run()}>
            {review && questionsAnswered(review.RiskCounts) === 0 ? 'Start reviewing' : 'Continue reviewing'}
          </Button>
        </SpaceBetween>
      }
    >
      <ErrorAlert error={report.error} onDismiss={report.clearError} />
      <ErrorAlert error={resume.error} onDismiss={resume.clearError} />
      <ErrorAlert error={page.error} />
      {page.loading && !review && <Spinner size="large" />}
      {review && (
        <Tabs
          activeTabId={tabs.some((t) => t.id === tab) ? tab : 'overview'}
          onChange={({ detail }) => setSearch(detail.activeTabId === 'overview' ? {} : { tab: detail.activeTabId }, { replace: true })}
          tabs={tabs}
        />
      )}
    </Page>
  );
}
