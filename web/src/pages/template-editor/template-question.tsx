import { GetReviewTemplateAnswerCommand, UpdateReviewTemplateAnswerCommand, type ChoiceReason, type ReviewTemplateAnswer } from '@aws-sdk/client-wellarchitected';
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
import { CHOICE_NOTES_MAX, charactersRemaining, NOTES_MAX } from '../commons/characters-remaining';
import { ErrorAlert, describeError } from '../commons/error-alert';
import { useAction } from '../commons/use-action';
import { useLoad } from '../commons/use-load';

export const REASONS: Array<{ value: ChoiceReason; label: string }> = [
  { value: 'OUT_OF_SCOPE', label: 'Out of scope' },
  { value: 'BUSINESS_PRIORITIES', label: 'Business priorities' },
  { value: 'ARCHITECTURE_CONSTRAINTS', label: 'Architecture constraints' },
  { value: 'OTHER', label: 'Other' },
  { value: 'NONE', label: 'None' },
];
const reasonOption = (value: string | undefined) => REASONS.find((r) => r.value === value) ?? null;
/** "None of these" choices end in _no (the lens format's rule). */
const isNone = (id: string) => id.endsWith('_no');

interface ChoiceState {
  selected: boolean;
  notApplicable: boolean;
  reason?: ChoiceReason;
  notes: string;
}
interface AnswerForm {
  choices: Record<string, ChoiceState>;
  applicable: boolean;
  reason?: ChoiceReason;
  notes: string;
}

function formOf(answer: ReviewTemplateAnswer): AnswerForm {
  const choices: Record<string, ChoiceState> = {};
  for (const c of answer.Choices ?? []) {
    const a = answer.ChoiceAnswers?.find((x) => x.ChoiceId === c.ChoiceId);
    choices[c.ChoiceId!] = {
      selected: answer.SelectedChoices?.includes(c.ChoiceId!) ?? false,
      notApplicable: a?.Status === 'NOT_APPLICABLE',
      reason: a?.Reason,
      notes: a?.Notes ?? '',
    };
  }
  return { choices, applicable: answer.IsApplicable !== false, reason: answer.Reason as ChoiceReason | undefined, notes: answer.Notes ?? '' };
}

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
  const [form, setForm] = useState<AnswerForm>();
  useEffect(() => {
    if (answer.data) setForm(formOf(answer.data));
  }, [answer.data]);
  const save = useAction(async (f: AnswerForm) => {
    const ids = Object.keys(f.choices);
    await wa.send(
      new UpdateReviewTemplateAnswerCommand({
        TemplateArn: templateArn,
        LensAlias: lensAlias,
        QuestionId: questionId,
        SelectedChoices: ids.filter((id) => f.choices[id].selected),
        ChoiceUpdates: Object.fromEntries(
          ids.map((id) => {
            const c = f.choices[id];
            return [id, c.notApplicable ? { Status: 'NOT_APPLICABLE' as const, Reason: c.reason ?? 'NONE', Notes: c.notes || undefined } : { Status: c.selected ? ('SELECTED' as const) : ('UNSELECTED' as const) }];
          }),
        ),
        IsApplicable: f.applicable,
        Reason: f.applicable ? undefined : (f.reason ?? 'NONE'),
        Notes: f.notes,
      }),
    );
    answer.reload();
    onSaved();
  }, 'Answer saved.');

  if (!form || !answer.data) return answer.error ? <ErrorAlert error={answer.error} /> : <Spinner size="large" />;
  const errors = answerErrors(save.error);
  const setChoice = (id: string, change: Partial<ChoiceState>) =>
    setForm((f) => {
      if (!f) return f;
      const choices = { ...f.choices, [id]: { ...f.choices[id], ...change } };
      // "None of these" excludes every other practice, and the other way round.
      if (change.selected) for (const other of Object.keys(choices)) if (other !== id && (isNone(id) || isNone(other))) choices[other] = { ...choices[other], selected: false };
      return { ...f, choices };
    });
  const a = answer.data;
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
            <Button onClick={() => setForm(formOf(a))} disabled={save.running}>
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
              <Toggle checked={!form.applicable} disabled={readOnly} onChange={({ detail }) => setForm({ ...form, applicable: !detail.checked })}>
                Question does not apply to this workload
              </Toggle>
              {!form.applicable && (
                <Select
                  selectedOption={reasonOption(form.reason)}
                  options={REASONS}
                  disabled={readOnly}
                  placeholder="Reason"
                  ariaLabel="Reason the question does not apply"
                  onChange={({ detail }) => setForm({ ...form, reason: detail.selectedOption.value as ChoiceReason })}
                />
              )}
            </SpaceBetween>
          </FormField>
          <FormField label="Best practices" errorText={errors.SelectedChoices}>
            <SpaceBetween size="xs">
              {(a.Choices ?? []).map((c) => {
                const id = c.ChoiceId!;
                const s = form.choices[id];
                return (
                  <Box key={id}>
                    <SpaceBetween direction="horizontal" size="s" alignItems="start">
                      <Checkbox
                        data-choice={id}
                        checked={s.selected}
                        disabled={readOnly || !form.applicable || s.notApplicable}
                        onChange={({ detail }) => setChoice(id, { selected: detail.checked })}
                      >
                        {c.Title}
                      </Checkbox>
                      {!isNone(id) && (
                        <Toggle
                          checked={s.notApplicable}
                          disabled={readOnly || !form.applicable}
                          ariaLabel={`${c.Title}: not applicable`}
                          onChange={({ detail }) => setChoice(id, { notApplicable: detail.checked, selected: false })}
                        >
                          <Box variant="small">Not applicable</Box>
                        </Toggle>
                      )}
                    </SpaceBetween>
                    {s.notApplicable && (
                      <Box margin={{ left: 'xl', top: 'xxs' }}>
                        <SpaceBetween direction="horizontal" size="xs">
                          <Select
                            selectedOption={reasonOption(s.reason)}
                            options={REASONS}
                            disabled={readOnly}
                            placeholder="Reason"
                            ariaLabel={`Reason ${c.Title} does not apply`}
                            onChange={({ detail }) => setChoice(id, { reason: detail.selectedOption.value as ChoiceReason })}
                          />
                          <Input
                            value={s.notes}
                            readOnly={readOnly}
                            placeholder={`Details (${charactersRemaining(s.notes, CHOICE_NOTES_MAX).text})`}
                            ariaLabel={`Details why ${c.Title} does not apply`}
                            onChange={({ detail }) => setChoice(id, { notes: detail.value })}
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
