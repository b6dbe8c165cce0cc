import type { LensReviewSummary } from '@aws-sdk/client-wellarchitected';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../commons/error-alert';
import { formatTime } from '../commons/format';
import { Page, PageLoading } from '../commons/page';
import { milestonesCrumbs, workloadPath } from '../commons/workload-paths';
import { improvementStatusLabel } from '../commons/improvement-status';
import { answeredOfTotal, RiskCount, RiskCountValue } from '../commons/risk-counts';
import { useAction } from '../commons/use-action';
import { AnswersTable } from './answers-table';
import { MilestoneChecksTable } from './checks-table';
import { useLensReport } from '../commons/lens-report';
import { useMilestone, useMilestoneAnswers } from './hooks';

const aliasOf = (l: LensReviewSummary) => l.LensAlias ?? l.LensArn ?? '';

/** A milestone, read-only: the workload's state when it was saved, its answers, and its report. */
export default function MilestonePage() {
  const params = useParams();
  const workloadId = params.workloadId!;
  const number = Number(params.milestoneNumber);
  const navigate = useNavigate();
  const state = useMilestone(workloadId, number);
  const [lensChoice, setLensChoice] = useState<string>();
  const lenses = state.data?.lenses ?? [];
  const lensAlias = lensChoice ?? (lenses[0] ? aliasOf(lenses[0]) : undefined);
  const answers = useMilestoneAnswers(workloadId, lensAlias, number);
  const report = useLensReport();
  const m = state.data?.milestone;
  const w = m?.Workload;
  const generate = useAction(
    async (lens: LensReviewSummary) => {
      await report({ workloadId, lensAlias: aliasOf(lens), milestoneNumber: number, names: [w?.WorkloadName ?? '', m?.MilestoneName ?? '', lens.LensName ?? 'lens'] });
      return lens;
    },
    (lens) => `Report for ${lens.LensName} downloaded.`,
  );
  const [generating, setGenerating] = useState<string>();
  const base = workloadPath(workloadId);

  const breadcrumbs = [
    ...milestonesCrumbs(workloadId, w?.WorkloadName),
    { text: m?.MilestoneName ?? `Milestone ${params.milestoneNumber}`, href: `${base}/milestones/${number}` },
  ];
  if (!m) return <PageLoading breadcrumbs={breadcrumbs} error={state.error} />;
  return (
    <Page
      breadcrumbs={breadcrumbs}
      size="l"
      title={m.MilestoneName}
      description={`Milestone ${m.MilestoneNumber}, saved ${formatTime(m.RecordedAt)}. A milestone is read-only.`}
      actions={<Button onClick={() => navigate(`${base}/milestones/compare?base=${number}`)}>Compare</Button>}
    >
      <ErrorAlert error={generate.error} onDismiss={generate.clearError} />
      <Container header={<Header variant="h2">Workload overview at this milestone</Header>}>
        <SpaceBetween size="l">
          <ColumnLayout columns={4} variant="text-grid">
            <div>
              <Box variant="awsui-key-label">Questions answered</Box>
              <Box variant="awsui-value-large">{answeredOfTotal(w?.RiskCounts)}</Box>
            </div>
            <div>
              <Box variant="awsui-key-label">High risks</Box>
              <RiskCountValue risk="HIGH" counts={w?.RiskCounts} />
            </div>
            <div>
              <Box variant="awsui-key-label">Medium risks</Box>
              <RiskCountValue risk="MEDIUM" counts={w?.RiskCounts} />
            </div>
            <div>
              <Box variant="awsui-key-label">Improvement status</Box>
              <div>{improvementStatusLabel(w?.ImprovementStatus)}</div>
            </div>
          </ColumnLayout>
          <div>
            <Box variant="awsui-key-label">Workload notes</Box>
            <span style={{ whiteSpace: 'pre-wrap' }}>{w?.Notes || '-'}</span>
          </div>
        </SpaceBetween>
      </Container>
      <Table
        header={<Header variant="h2" description="Generate a lens's report as it was when the milestone was saved (PDF).">Lenses</Header>}
        items={lenses}
        trackBy={aliasOf}
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (l) => l.LensName, isRowHeader: true },
          { id: 'version', header: 'Version', cell: (l) => l.LensVersion ?? '-' },
          { id: 'answered', header: 'Questions answered', cell: (l) => answeredOfTotal(l.RiskCounts) },
          { id: 'high', header: 'High risks', cell: (l) => <RiskCount risk="HIGH" counts={l.RiskCounts} /> },
          { id: 'medium', header: 'Medium risks', cell: (l) => <RiskCount risk="MEDIUM" counts={l.RiskCounts} /> },
          {
            id: 'report',
            header: 'Report',
            cell: (l) => (
              <Button
                loading={generate.running && generating === aliasOf(l)}
                ariaLabel={`Generate report for ${l.LensName}`}
                onClick={() => {
                  setGenerating(aliasOf(l));
                  void generate.run(l);
                }}
              >
                Generate report
              </Button>
            ),
          },
        ]}
      />
      <AnswersTable
        answers={answers}
        header={`Answers${answers.data?.review.LensName ? ` (${answers.data.review.LensName})` : ''}`}
        actions={
          lenses.length > 1 && (
            <SegmentedControl
              selectedId={lensAlias ?? null}
              onChange={(e) => setLensChoice(e.detail.selectedId)}
              options={lenses.map((l) => ({ id: aliasOf(l), text: l.LensName ?? aliasOf(l) }))}
              label="Lens"
            />
          )
        }
      />
      <MilestoneChecksTable workloadId={workloadId} lensAlias={lensAlias} milestoneNumber={number} answers={answers.data} />
    </Page>
  );
}
