import { GetReviewTemplateAnswerCommand, UpdateReviewTemplateAnswerCommand, type AnswerReason, type ChoiceReason } from '@aws-sdk/client-wellarchitected';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Textarea from '@cloudscape-design/components/textarea';
import Toggle from '@cloudscape-design/components/toggle';
import { useEffect, useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { describeNotApplicable, draftOf, markNotApplicable, noneChoiceOf, practiceLocked, REASON_OPTIONS, reasonOption, toggleChoice, updateOf, type AnswerDraft } from '../commons/answer-draft';
import { CHOICE_NOTES_MAX, charactersRemaining, NOTES_MAX } from '../commons/characters-remaining';
import { ErrorAlert, describeError } from '../commons/error-alert';
import { useAction } from '../commons/use-action';
import { useLoad } from '../commons/use-load';

/** A problem of the answer's request by what it concerns: a choice id, or Notes, Reason, SelectedChoices. */
function answerErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { Name, Message } of describeError(error).fields) {
    const key = Name.startsWith('ChoiceUpdates.') ? Name.slice('ChoiceUpdates.'.length).split('.')[0] : Name.split(/[.[]/)[0];
    out[key] = out[key] ? `${out[key]}; ${Message}` : Message;
  }
  return out;
}

interface TemplateQuestionProps {
  templateArn: string;
  lensAlias: string;
  questionId: string;
  readOnly: boolean;
  onSaved(): void;
  /** Moves to the question before or after, when there is one. */
  onPrevious?: () => void;
  onNext?: () => void;
}

/**
 * A compact question form for a review template: the practices to select (or mark not
 * applicable with a reason), "Question does not apply" with its reason, and notes.
 * Nothing typed is lost when saving fails.
 */
export function TemplateQuestion({ templateArn, lensAlias, questionId, readOnly, onSaved, onPrevious, onNext }: TemplateQuestionProps) {
  const wa = useWellArchitected();
  const answer = useLoad(
    async () => (await wa.send(new GetReviewTemplateAnswerCommand({ TemplateArn: templateArn, LensAlias: lensAlias, QuestionId: questionId }))).Answer!,
    [wa, templateArn, lensAlias, questionId],
  );
  const [form, setForm] = useState<AnswerDraft>();
  useEffect(() => {
    if (answer.data) setForm(draftOf(answer.data));
  }, [answer.data]);
  const save = useAction(async (draft: AnswerDraft) => {
    await wa.send(new UpdateReviewTemplateAnswerCommand({ TemplateArn: templateArn, LensAlias: lensAlias, QuestionId: questionId, ...updateOf(answer.data!, draft) }));
    answer.reload();
    onSaved();
  }, 'Answer saved.');

  if (!form || !answer.data) return answer.error ? <ErrorAlert error={answer.error} /> : <Spinner size="large" />;
  const errors = answerErrors(save.error);
  const a = answer.data;
  const noneId = noneChoiceOf(a);
  return (
    <div data-template-question={questionId}>
    <Form
      errorText={save.error ? describeError(save.error).message : undefined}
      secondaryActions={
        <SpaceBetween direction="horizontal" size="xs">
          <Button disabled={!onPrevious} onClick={onPrevious}>
            Previous
          </Button>
          <Button disabled={!onNext} onClick={onNext}>
            Next
          </Button>
        </SpaceBetween>
      }
      actions={
        !readOnly && (
          <SpaceBetween direction="horizontal" size="xs">
            <Button onClick={() => setForm(draftOf(a))} disabled={save.running}>
              Reset
            </Button>
            <Button variant="primary" loading={save.running} onClick={() => void save.run(form)}>
              Save answer
            </Button>
          </SpaceBetween>
        )
      }
    >
      <Container
        header={
          <Header variant="h2" description={a.QuestionDescription}>
            {a.QuestionTitle}
          </Header>
        }
      >
        <SpaceBetween size="m">
          {(a.HelpfulResourceDisplayText || a.HelpfulResourceUrl) && (
            <ExpandableSection headerText="Helpful resource" variant="footer">
              <SpaceBetween size="xs">
                {a.HelpfulResourceDisplayText && <Box>{a.HelpfulResourceDisplayText}</Box>}
                {a.HelpfulResourceUrl && (
                  <Link external href={a.HelpfulResourceUrl}>
                    Read more
                  </Link>
                )}
              </SpaceBetween>
            </ExpandableSection>
          )}
          <FormField errorText={errors.IsApplicable ?? errors.Reason}>
            <SpaceBetween direction="horizontal" size="m" alignItems="center">
              <Toggle checked={!form.isApplicable} disabled={readOnly} onChange={({ detail }) => setForm({ ...form, isApplicable: !detail.checked })}>
                Question does not apply to this workload
              </Toggle>
              {!form.isApplicable && (
                <Select
                  selectedOption={reasonOption(form.reason)}
                  options={REASON_OPTIONS}
                  disabled={readOnly}
                  placeholder="Reason"
                  ariaLabel="Reason the question does not apply"
                  onChange={({ detail }) => setForm({ ...form, reason: detail.selectedOption.value as AnswerReason })}
                />
              )}
            </SpaceBetween>
          </FormField>
          <FormField label="Best practices" errorText={errors.SelectedChoices}>
            <SpaceBetween size="xs">
              {(a.Choices ?? []).map((c) => {
                const id = c.ChoiceId!;
                const mark = form.notApplicable[id];
                return (
                  <Box key={id}>
                    <SpaceBetween direction="horizontal" size="s" alignItems="start">
                      <Checkbox
                        data-choice={id}
                        checked={form.selected.includes(id)}
                        disabled={readOnly || !form.isApplicable || !!mark || practiceLocked(form, id, noneId)}
                        onChange={({ detail }) => setForm(toggleChoice(form, id, detail.checked))}
                      >
                        {c.Title}
                      </Checkbox>
                      {id !== noneId && (
                        <Toggle
                          checked={!!mark}
                          disabled={readOnly || !form.isApplicable}
                          ariaLabel={`${c.Title}: not applicable`}
                          onChange={({ detail }) => setForm(markNotApplicable(form, id, detail.checked))}
                        >
                          <Box variant="small">Not applicable</Box>
                        </Toggle>
                      )}
                    </SpaceBetween>
                    {mark && (
                      <Box margin={{ left: 'xl', top: 'xxs' }}>
                        <SpaceBetween direction="horizontal" size="xs">
                          <Select
                            selectedOption={reasonOption(mark.reason)}
                            options={REASON_OPTIONS}
                            disabled={readOnly}
                            placeholder="Reason"
                            ariaLabel={`Reason ${c.Title} does not apply`}
                            onChange={({ detail }) => setForm(describeNotApplicable(form, id, { reason: detail.selectedOption.value as ChoiceReason }))}
                          />
                          <Input
                            value={mark.notes}
                            readOnly={readOnly}
                            placeholder={`Details (${charactersRemaining(mark.notes, CHOICE_NOTES_MAX).text})`}
                            ariaLabel={`Details why ${c.Title} does not apply`}
                            onChange={({ detail }) => setForm(describeNotApplicable(form, id, { notes: detail.value }))}
                          />
                        </SpaceBetween>
                      </Box>
                    )}
                    {errors[id] && (
                      <Box color="text-status-error" variant="small">
                        {errors[id]}
                      </Box>
                    )}
                  </Box>
                );
              })}
            </SpaceBetween>
          </FormField>
          <FormField label="Notes" constraintText={charactersRemaining(form.notes, NOTES_MAX).text} errorText={errors.Notes} stretch>
            <Textarea value={form.notes} readOnly={readOnly} rows={3} ariaLabel="Notes" onChange={({ detail }) => setForm({ ...form, notes: detail.value })} />
          </FormField>
        </SpaceBetween>
      </Container>
    </Form>
    </div>
  );
}
