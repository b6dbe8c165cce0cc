import type { ImprovementSummary, LensReview } from '@aws-sdk/client-wellarchitected';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import { Pagination } from '../commons/pagination';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Toggle from '@cloudscape-design/components/toggle';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../commons/error-alert';
import { questionPath } from '../commons/lens-answers';
import { RiskCount, RiskStatus } from '../commons/risk-counts';
import { ChecksHidden } from '../commons/check-status';
import { useLensReviewChecks } from '../commons/checks';
import { ContradictedPractices } from './contradicted-practices';
import { useImprovementPlan, type ImprovementPlan } from './hooks';

const ALL = { value: '', label: 'All' };
const RISK_OPTIONS: SelectProps.Option[] = [
  { value: '', label: 'All risks' },
  { value: 'HIGH', label: 'High risk' },
  { value: 'MEDIUM', label: 'Medium risk' },
];
function ImprovementItem({ item, plan, contradicted, onReview }: { item: ImprovementSummary; plan: ImprovementPlan; contradicted: boolean; onReview(questionId: string): void }) {
  const pillar = plan.pillars.find((p) => p.PillarId === item.PillarId);
  const answer = pillar?.answers.find((a) => a.QuestionId === item.QuestionId);
  const practiceTitle = (choiceId?: string) => answer?.Choices?.find((c) => c.ChoiceId === choiceId)?.Title ?? choiceId;
  // data-* attributes let the browser tests read the order and risks of the items.
  return (
    <div data-improvement-item data-question={item.QuestionId} data-risk={item.Risk} data-contradicted={contradicted || undefined}>
    <ExpandableSection
      variant="container"
      headerText={item.QuestionTitle ?? item.QuestionId}
      headerDescription={pillar?.PillarName ?? item.PillarId}
      headerInfo={
        <SpaceBetween direction="horizontal" size="xs">
          <RiskStatus risk={item.Risk} />
          {answer?.QuestionType === 'PRIORITIZED' && <Badge color="blue">Prioritized</Badge>}
          {contradicted && <StatusIndicator type="warning">Contradicted by checks</StatusIndicator>}
        </SpaceBetween>
      }
    >
      <SpaceBetween size="s">
        <Box variant="h4">Recommended improvement items</Box>
        {(item.ImprovementPlans ?? []).length === 0 ? (
          <Box color="text-body-secondary">No practice-level improvement plan for this question.</Box>
        ) : (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {(item.ImprovementPlans ?? []).map((p) => (
              <li key={p.ChoiceId}>
                <Box variant="strong">{practiceTitle(p.ChoiceId)}</Box>
                {p.DisplayText && <Box variant="p">{p.DisplayText}</Box>}
                {p.ImprovementPlanUrl && (
                  <Link href={p.ImprovementPlanUrl} external>
                    Improvement plan for {practiceTitle(p.ChoiceId)}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
        <SpaceBetween direction="horizontal" size="l">
          {item.ImprovementPlanUrl && (
            <Link href={item.ImprovementPlanUrl} external>
              Improvement plan for the question
            </Link>
          )}
          <Link onFollow={() => onReview(item.QuestionId ?? '')}>Review this question</Link>
        </SpaceBetween>
      </SpaceBetween>
    </ExpandableSection>
    </div>
  );
}

/** The Improvement plan tab: risks, and the questions at risk with the practices not followed, filterable by risk and pillar. */
export function ImprovementPlanTab({ workloadId, lensAlias, review }: { workloadId: string; lensAlias: string; review: LensReview }) {
  const navigate = useNavigate();
  const plan = useImprovementPlan(workloadId, lensAlias, review.PillarReviewSummaries);
  const checks = useLensReviewChecks(workloadId, lensAlias);
  const shownChecks = checks.data?.shown ? checks.data : undefined;
  const contradictedQuestions = useMemo(() => new Set(shownChecks?.practices.filter((p) => p.Contradicted).map((p) => p.QuestionId)), [shownChecks]);
  const [risk, setRisk] = useState<SelectProps.Option>(RISK_OPTIONS[0]);
  const [pillar, setPillar] = useState<SelectProps.Option>({ ...ALL, label: 'All pillars' });
  const [prioritizedOnly, setPrioritizedOnly] = useState(false);
  const pillarOptions = [{ ...ALL, label: 'All pillars' }, ...(review.PillarReviewSummaries ?? []).map((p) => ({ value: p.PillarId ?? '', label: p.PillarName }))];
  const prioritized = useMemo(
    () => new Set(plan.data?.pillars.flatMap((p) => p.answers.filter((a) => a.QuestionType === 'PRIORITIZED').map((a) => a.QuestionId))),
    [plan.data],
  );
  const filtered = useMemo(
    () =>
      // The API orders the plan: high risks first, then by the workload's pillar priorities and the lens's order.
      (plan.data?.items ?? []).filter(
        (item) =>
          (!risk.value || item.Risk === risk.value) &&
          (!pillar.value || item.PillarId === pillar.value) &&
          (!prioritizedOnly || prioritized.has(item.QuestionId)),
      ),
    [plan.data, risk, pillar, prioritizedOnly, prioritized],
  );
  const { items, paginationProps, actions } = useCollection(filtered, { pagination: { pageSize: 10 } });
  useEffect(() => actions.setCurrentPage(1), [risk, pillar, prioritizedOnly]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Improvement plan overview</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'High risk', value: <RiskCount risk="HIGH" counts={review.RiskCounts} /> },
            { label: 'Medium risk', value: <RiskCount risk="MEDIUM" counts={review.RiskCounts} /> },
            ...(review.PrioritizedRiskCounts
              ? [{ label: 'Prioritized high / medium risk', value: `${review.PrioritizedRiskCounts.HIGH ?? 0} / ${review.PrioritizedRiskCounts.MEDIUM ?? 0}` }]
              : []),
          ]}
        />
      </Container>
      {checks.data && !checks.data.shown && <ChecksHidden count={checks.data.practices.length} />}
      {shownChecks && plan.data && (
        <ContradictedPractices practices={shownChecks.practices} pillars={plan.data.pillars} onReview={(questionId) => navigate(questionPath(workloadId, lensAlias, questionId))} />
      )}
      <SpaceBetween size="s">
        <Header
          variant="h2"
          counter={plan.data ? `(${filtered.length})` : undefined}
          description="Questions at high or medium risk, high risks first. Expand a question for the best practices it does not follow and how to improve."
        >
          Improvement items
        </Header>
        <SpaceBetween direction="horizontal" size="m" alignItems="end">
          <FormField label="Risk">
            <Select selectedOption={risk} options={RISK_OPTIONS} onChange={({ detail }) => setRisk(detail.selectedOption)} ariaLabel="Filter by risk" />
          </FormField>
          <FormField label="Pillar">
            <Select selectedOption={pillar} options={pillarOptions} onChange={({ detail }) => setPillar(detail.selectedOption)} ariaLabel="Filter by pillar" />
          </FormField>
          {prioritized.size > 0 && (
            <Toggle checked={prioritizedOnly} onChange={({ detail }) => setPrioritizedOnly(detail.checked)}>
              Prioritized questions only
            </Toggle>
          )}
          <Pagination {...paginationProps} />
        </SpaceBetween>
        <ErrorAlert error={plan.error} />
        {plan.loading && !plan.data ? (
          <Spinner size="large" />
        ) : items.length === 0 ? (
          <Container>
            <Box textAlign="center" color="text-body-secondary">
              {plan.data?.items.length ? 'No improvement item matches the filters.' : 'No question is at high or medium risk.'}
            </Box>
          </Container>
        ) : (
          plan.data &&
          items.map((item) => (
            <ImprovementItem
              key={item.QuestionId}
              item={item}
              plan={plan.data!}
              contradicted={contradictedQuestions.has(item.QuestionId ?? '')}
              onReview={(questionId) => navigate(questionPath(workloadId, lensAlias, questionId))}
            />
          ))
        )}
      </SpaceBetween>
    </SpaceBetween>
  );
}
