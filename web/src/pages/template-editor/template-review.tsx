import { UpgradeReviewTemplateLensReviewCommand } from '@aws-sdk/client-wellarchitected';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { ErrorAlert } from '../commons/error-alert';
import { useAction } from '../commons/use-action';
import { lensKey } from '../commons/lens-picker';
import { useLensChoices, useTemplateLens } from './hooks';
import { LensNotes } from './lens-notes';
import { TemplateQuestion } from './template-question';

/**
 * Answering a review template like a review: a lens, its pillars and questions with
 * Done marks and answered counts, and the chosen question's form. A lens with a newer
 * version is offered for upgrade first.
 */
export function TemplateReview({ templateArn, lenses, readOnly, onChanged }: { templateArn: string; lenses: string[]; readOnly: boolean; onChanged(): void }) {
  const wa = useWellArchitected();
  const [lensAlias, setLensAlias] = useState(lenses[0]);
  const lens = useTemplateLens(templateArn, lensAlias);
  const [questionId, setQuestionId] = useState<string>();
  // Custom lenses are named by ARN in the template: show their names.
  const choices = useLensChoices();
  const nameOf = (key: string) => choices.data?.find((l) => lensKey(l) === key)?.LensName ?? key;
  const upgrade = useAction(async () => {
    await wa.send(new UpgradeReviewTemplateLensReviewCommand({ TemplateArn: templateArn, LensAlias: lensAlias }));
    lens.reload();
    onChanged();
  }, 'The lens was upgraded to its latest version; answers to questions that remain were kept.');

  const pillars = lens.data?.pillars ?? [];
  const order = pillars.flatMap((p) => p.answers.map((a) => a.QuestionId!));
  const current = questionId ?? order[0];
  const at = current ? order.indexOf(current) : -1;
  const review = lens.data?.review;
  const nav: SideNavigationProps.Item[] = pillars.map((p) => {
    const answered = p.answers.filter((a) => a.AnswerStatus === 'ANSWERED').length;
    return {
      type: 'expandable-link-group',
      text: `${p.PillarName} (${answered}/${p.answers.length})`,
      href: `#pillar-${p.PillarId}`,
      defaultExpanded: p.answers.some((a) => a.QuestionId === current),
      items: p.answers.map((a, i) => ({
        type: 'link' as const,
        text: `${i + 1}. ${a.QuestionTitle}`,
        href: `#${a.QuestionId}`,
        info: a.AnswerStatus === 'ANSWERED' ? <Box color="text-status-success" fontSize="body-s"><span role="img" aria-label="Done" title="Done">✓</span></Box> : undefined,
      })),
    };
  });
  return (
    <SpaceBetween size="m">
      {lenses.length > 1 && (
        <FormField label="Lens">
          <Select
            selectedOption={{ value: lensAlias, label: nameOf(lensAlias) }}
            options={lenses.map((l) => ({ value: l, label: nameOf(l) }))}
            onChange={({ detail }) => {
              setLensAlias(detail.selectedOption.value!);
              setQuestionId(undefined);
            }}
            ariaLabel="Lens"
          />
        </FormField>
      )}
      <ErrorAlert error={lens.error} />
      {review?.LensStatus === 'NOT_CURRENT' && (
        <Alert
          type="info"
          header="A new version of this lens is available"
          action={
            !readOnly && (
              <Button loading={upgrade.running} onClick={() => void upgrade.run()}>
                Upgrade lens
              </Button>
            )
          }
        >
          The template answers version {review.LensVersion} of {review.LensName}. Upgrading moves it to the latest version; answers to questions that
          are no longer in the lens are dropped.
        </Alert>
      )}
      {review?.LensStatus === 'DELETED' && <Alert type="warning">The owner deleted this lens; its answers are kept but it can no longer be upgraded.</Alert>}
      <ErrorAlert error={upgrade.error} onDismiss={upgrade.clearError} />
      {review && (
        <LensNotes
          key={`${lensAlias}:${review.Notes ?? ''}`}
          templateArn={templateArn}
          lensAlias={lensAlias}
          notes={review.Notes ?? ''}
          readOnly={readOnly}
          onSaved={lens.reload}
        />
      )}
      {lens.loading && !lens.data ? (
        <Spinner size="large" />
      ) : (
        <Grid gridDefinition={[{ colspan: { default: 12, s: 4 } }, { colspan: { default: 12, s: 8 } }]}>
          <Container
            header={
              <Header variant="h3" description={`${review?.QuestionCounts?.ANSWERED ?? 0} of ${(review?.QuestionCounts?.ANSWERED ?? 0) + (review?.QuestionCounts?.UNANSWERED ?? 0)} answered`}>
                {review?.LensName ?? lensAlias}
              </Header>
            }
          >
            <SideNavigation
              activeHref={current ? `#${current}` : undefined}
              items={nav}
              onFollow={(e) => {
                e.preventDefault();
                if (!e.detail.href.startsWith('#pillar-')) setQuestionId(e.detail.href.slice(1));
              }}
            />
          </Container>
          {current ? (
            <TemplateQuestion
              key={`${lensAlias}/${current}`}
              templateArn={templateArn}
              lensAlias={lensAlias}
              questionId={current}
              readOnly={readOnly}
              onPrevious={at > 0 ? () => setQuestionId(order[at - 1]) : undefined}
              onNext={at >= 0 && at < order.length - 1 ? () => setQuestionId(order[at + 1]) : undefined}
              onSaved={() => {
                lens.reload();
                onChanged();
              }}
            />
          ) : (
            <Alert type="info">This lens has no questions.</Alert>
          )}
        </Grid>
      )}
    </SpaceBetween>
  );
}
