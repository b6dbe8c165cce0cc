import type { ProfileTemplateQuestion } from '@aws-sdk/client-wellarchitected';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { describeError } from '../commons/error-alert';

/** A profile's answers: question id to selected choice ids. */
export type Selections = Record<string, string[]>;

/** How many choices a question takes, in words. */
export function choiceRule(q: ProfileTemplateQuestion): string {
  const min = q.MinSelectedChoices ?? 0;
  const max = q.MaxSelectedChoices ?? q.QuestionChoices?.length ?? 0;
  if (min === max) return min === 1 ? 'Choose one.' : `Choose exactly ${min}.`;
  return min === 0 ? `Choose up to ${max}.` : `Choose ${min} to ${max}.`;
}

/**
 * The API's problems with ProfileQuestions, by question id. `sent` is the order the
 * questions were sent in, since the API names them by index (`ProfileQuestions[2]...`)
 * or by id (`ProfileQuestions question criticality`).
 */
export function questionErrors(error: unknown, sent: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { Name, Message } of describeError(error).fields) {
    const byIndex = /^ProfileQuestions\[(\d+)\]/.exec(Name);
    const byId = /^ProfileQuestions question (\S+)/.exec(Name);
    const id = byIndex ? sent[Number(byIndex[1])] : byId?.[1];
    if (id) out[id] = out[id] ? `${out[id]}; ${Message}` : Message;
  }
  return out;
}

/** Selections as ProfileQuestions, in the template's order. */
export const profileQuestionsOf = (questions: ProfileTemplateQuestion[], selections: Selections) =>
  questions.map((q) => ({ QuestionId: q.QuestionId!, SelectedChoiceIds: selections[q.QuestionId!] ?? [] }));

interface ProfileQuestionsProps {
  questions: ProfileTemplateQuestion[];
  selections: Selections;
  errors: Record<string, string>;
  readOnly?: boolean;
  onChange(questionId: string, choiceIds: string[]): void;
}

/** The profile template's questions: a radio group where one choice is allowed, check boxes otherwise. */
export function ProfileQuestions({ questions, selections, errors, readOnly, onChange }: ProfileQuestionsProps) {
  return (
    <Container header={<Header variant="h2" description="Answer each question about the workload's business context.">Profile questions</Header>}>
      <SpaceBetween size="l">
        {questions.map((q, index) => {
          const id = q.QuestionId!;
          const chosen = selections[id] ?? [];
          const single = q.MaxSelectedChoices === 1;
          return (
            <FormField
              key={id}
              data-profile-question={id}
              label={`${index + 1}. ${q.QuestionTitle}`}
              description={`${q.QuestionDescription ?? ''} ${choiceRule(q)}`.trim()}
              errorText={errors[id]}
              stretch
            >
              {single ? (
                <RadioGroup
                  value={chosen[0] ?? null}
                  readOnly={readOnly}
                  ariaLabel={q.QuestionTitle}
                  onChange={({ detail }) => onChange(id, [detail.value])}
                  items={(q.QuestionChoices ?? []).map((c) => ({ value: c.ChoiceId!, label: c.ChoiceTitle, description: c.ChoiceDescription }))}
                />
              ) : (
                <SpaceBetween size="xxs">
                  {(q.QuestionChoices ?? []).map((c) => (
                    <Checkbox
                      key={c.ChoiceId}
                      checked={chosen.includes(c.ChoiceId!)}
                      readOnly={readOnly}
                      description={c.ChoiceDescription}
                      onChange={({ detail }) =>
                        onChange(id, detail.checked ? [...chosen, c.ChoiceId!] : chosen.filter((x) => x !== c.ChoiceId))
                      }
                    >
                      {c.ChoiceTitle}
                    </Checkbox>
                  ))}
                </SpaceBetween>
              )}
            </FormField>
          );
        })}
      </SpaceBetween>
    </Container>
  );
}
