import { UpdateLensReviewCommand, type LensReview } from '@aws-sdk/client-wellarchitected';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import { Pagination } from '../commons/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { ErrorAlert, fieldErrors } from '../commons/error-alert';
import { formatTime } from '../commons/format';
import { answeredOfTotal, RiskCount } from '../commons/risk-counts';
import { useAction } from '../commons/use-action';
import { NOTES_MAX, charactersRemaining } from '../commons/characters-remaining';
import { FormActions } from '../commons/form-actions';

const LENS_STATUS: Record<string, string> = {
  CURRENT: 'Current',
  NOT_CURRENT: 'Not current: a newer version is available',
  DEPRECATED: 'Deprecated',
  DELETED: 'Deleted by its owner',
  UNSHARED: 'No longer shared with you',
};

function LensNotes({ workloadId, review, onSaved }: { workloadId: string; review: LensReview; onSaved(): void }) {
  const wa = useWellArchitected();
  const [editing, setEditing] = useState<string>();
  const save = useAction(async () => {
    await wa.send(new UpdateLensReviewCommand({ WorkloadId: workloadId, LensAlias: review.LensAlias ?? review.LensArn, LensNotes: editing ?? '' }));
    setEditing(undefined);
    onSaved();
  }, 'Lens notes saved.');
  const remaining = charactersRemaining(editing ?? '', NOTES_MAX);
  return (
    <Container
      header={
        <Header
          variant="h2"
          actions={
            editing === undefined ? (
              <Button onClick={() => setEditing(review.Notes ?? '')}>Edit</Button>
            ) : (
              <FormActions
                submitText="Save"
                running={save.running}
                onSubmit={() => save.run()}
                onCancel={() => { setEditing(undefined); save.clearError(); }}
                cancelDisabled={save.running}
              />
            )
          }
        >
          Lens notes
        </Header>
      }
    >
      {editing === undefined ? (
        <Box variant="p" color={review.Notes ? undefined : 'text-body-secondary'}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{review.Notes || 'No notes.'}</span>
        </Box>
      ) : (
        <SpaceBetween size="s">
          <FormField
            label="Notes"
            stretch
            constraintText={remaining.over ? undefined : remaining.text}
            errorText={fieldErrors(save.error).LensNotes ?? (remaining.over ? remaining.text : undefined)}
          >
            <Textarea value={editing} rows={5} onChange={({ detail }) => setEditing(detail.value)} />
          </FormField>
          {!fieldErrors(save.error).LensNotes && <ErrorAlert error={save.error} />}
        </SpaceBetween>
      )}
    </Container>
  );
}

/** The Overview tab: questions answered, risks, each pillar's counts, and the lens notes. */
export function OverviewTab({ workloadId, review, onChanged }: { workloadId: string; review: LensReview; onChanged(): void }) {
  const prioritized = review.PrioritizedRiskCounts !== undefined;
  const { items, collectionProps, paginationProps } = useCollection(review.PillarReviewSummaries ?? [], { pagination: { pageSize: 10 }, sorting: {} });
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Lens overview</Header>}>
        <KeyValuePairs
          columns={4}
          items={[
            { label: 'Questions answered', value: answeredOfTotal(review.RiskCounts) },
            { label: 'High risks', value: <RiskCount risk="HIGH" counts={review.RiskCounts} /> },
            { label: 'Medium risks', value: <RiskCount risk="MEDIUM" counts={review.RiskCounts} /> },
            { label: 'Last updated', value: formatTime(review.UpdatedAt) },
            { label: 'Lens version', value: review.LensVersion ?? '-' },
            { label: 'Lens status', value: LENS_STATUS[review.LensStatus ?? ''] ?? review.LensStatus ?? '-' },
            ...(review.Profiles?.length
              ? [{ label: 'Profile', value: review.Profiles.map((p) => `${p.ProfileArn?.split('/').pop()} (version ${p.ProfileVersion})`).join(', ') }]
              : []),
            ...(prioritized
              ? [{ label: 'Prioritized high / medium risks', value: `${review.PrioritizedRiskCounts?.HIGH ?? 0} / ${review.PrioritizedRiskCounts?.MEDIUM ?? 0}` }]
              : []),
          ]}
        />
      </Container>
      <Table
        {...collectionProps}
        variant="container"
        header={<Header variant="h2" counter={`(${review.PillarReviewSummaries?.length ?? 0})`}>Pillars</Header>}
        items={items}
        trackBy="PillarId"
        columnDefinitions={[
          { id: 'name', header: 'Pillar', cell: (p) => p.PillarName, sortingField: 'PillarName' },
          { id: 'answered', header: 'Questions answered', cell: (p) => answeredOfTotal(p.RiskCounts) },
          { id: 'high', header: 'High risks', cell: (p) => <RiskCount risk="HIGH" counts={p.RiskCounts} /> },
          { id: 'medium', header: 'Medium risks', cell: (p) => <RiskCount risk="MEDIUM" counts={p.RiskCounts} /> },
          ...(prioritized
            ? [{ id: 'prioritized', header: 'Prioritized high / medium', cell: (p: (typeof items)[number]) => `${p.PrioritizedRiskCounts?.HIGH ?? 0} / ${p.PrioritizedRiskCounts?.MEDIUM ?? 0}` }]
            : []),
        ]}
        pagination={<Pagination {...paginationProps} />}
        empty={<Box textAlign="center">This lens has no pillars.</Box>}
      />
      <LensNotes workloadId={workloadId} review={review} onSaved={onChanged} />
    </SpaceBetween>
  );
}
