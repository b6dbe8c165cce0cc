import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../commons/error-alert';
import { formatTime } from '../commons/format';
import { Page } from '../commons/page';
import { milestonesCrumbs, workloadPath } from '../commons/workload-paths';
import { ChangesTable } from './changes-table';
import type { Change } from './compare';
import { parseStateRef, useCompareBasis, useComparison, type StateRef } from './hooks';
import { RiskChart } from './risk-chart';

const SUMMARY: Array<[Change, string]> = [
  ['IMPROVED', 'Risk reduced'],
  ['WORSENED', 'Risk increased'],
  ['ANSWER_CHANGED', 'Answer changed, same risk'],
];

/** Compare two milestones, or a milestone and the current state, question by question; and the risks over every milestone. */
export default function MilestoneComparePage() {
  const workloadId = useParams().workloadId!;
  const [search, setSearch] = useSearchParams();
  const basis = useCompareBasis(workloadId);
  const milestones = basis.data?.milestones ?? [];
  const lenses = basis.data?.lenses ?? [];
  const last = milestones[milestones.length - 1]?.MilestoneNumber;
  const previous = milestones[milestones.length - 2]?.MilestoneNumber;
  // Without a choice: the last two milestones, or the only one against now; from a chosen
  // milestone: to the last one, or to now when it is the last.
  const base: StateRef | undefined = parseStateRef(search.get('base')) ?? previous ?? last;
  const target: StateRef | undefined = parseStateRef(search.get('target')) ?? (base === undefined ? undefined : base === last ? 'current' : last);
  const lensAlias = search.get('lens') ?? lenses[0]?.LensAlias ?? lenses[0]?.LensArn;
  const changes = useComparison(workloadId, lensAlias, base, target);

  const choose = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    if (!next.has('base') && base !== undefined) next.set('base', String(base));
    if (!next.has('target') && target !== undefined) next.set('target', String(target));
    setSearch(next, { replace: true });
  };
  const stateOptions = [
    ...[...milestones].reverse().map((m) => ({ value: String(m.MilestoneNumber), label: m.MilestoneName, description: `Milestone ${m.MilestoneNumber}, saved ${formatTime(m.RecordedAt)}` })),
    { value: 'current', label: 'Current state', description: 'The workload as it is now' },
  ];
  const labelOf = (ref: StateRef | undefined) => stateOptions.find((o) => o.value === String(ref))?.label ?? '-';
  const counts = (change: Change) => changes.data?.filter((c) => c.change === change).length;

  return (
    <Page
      breadcrumbs={[...milestonesCrumbs(workloadId, basis.data?.workload.WorkloadName), { text: 'Compare', href: `${workloadPath(workloadId)}/milestones/compare` }]}
      size="l"
      title="Compare milestones"
      description="See what changed between two milestones, or between a milestone and the current state, question by question."
    >
      {basis.error ? <ErrorAlert error={basis.error} /> : null}
      {!basis.data && !basis.error && <Spinner size="large" />}
      {basis.data && milestones.length === 0 && (
        <Alert type="info" header="No milestones yet">
          Save a milestone from the workload's Overview tab; you can then compare it with later milestones and with the current state.
        </Alert>
      )}
      {basis.data && milestones.length > 0 && (
        <>
          <Container header={<Header variant="h2" description="High and medium risks of the whole workload at each milestone, and now.">Risks over milestones</Header>}>
            <RiskChart basis={basis.data} />
          </Container>
          <Container header={<Header variant="h2">Compare</Header>}>
            <SpaceBetween size="l">
              <ColumnLayout columns={3}>
                <FormField label="From">
                  <Select selectedOption={stateOptions.find((o) => o.value === String(base)) ?? null} onChange={(e) => choose('base', e.detail.selectedOption.value!)} options={stateOptions} />
                </FormField>
                <FormField label="To">
                  <Select selectedOption={stateOptions.find((o) => o.value === String(target)) ?? null} onChange={(e) => choose('target', e.detail.selectedOption.value!)} options={stateOptions} />
                </FormField>
                <FormField label="Lens">
                  <Select
                    selectedOption={(() => {
                      const l = lenses.find((x) => (x.LensAlias ?? x.LensArn) === lensAlias);
                      return l ? { value: lensAlias!, label: l.LensName } : null;
                    })()}
                    onChange={(e) => choose('lens', e.detail.selectedOption.value!)}
                    options={lenses.map((l) => ({ value: l.LensAlias ?? l.LensArn ?? '', label: l.LensName }))}
                  />
                </FormField>
              </ColumnLayout>
              {base !== undefined && base === target && <Alert type="warning">You are comparing a state with itself: choose two different states.</Alert>}
              <ColumnLayout columns={3} variant="text-grid">
                {SUMMARY.map(([change, label]) => (
                  <div key={change}>
                    <Box variant="awsui-key-label">{label}</Box>
                    <Box variant="awsui-value-large">{changes.loading ? '…' : (counts(change) ?? '-')}</Box>
                  </div>
                ))}
              </ColumnLayout>
            </SpaceBetween>
          </Container>
          <ChangesTable changes={changes} description={`From ${labelOf(base)} to ${labelOf(target)}.`} />
        </>
      )}
    </Page>
  );
}
