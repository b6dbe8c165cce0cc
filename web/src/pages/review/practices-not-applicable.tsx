import type { Choice, ChoiceReason } from '@aws-sdk/client-wellarchitected';
import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { CHOICE_NOTES_MAX, charactersRemaining } from '../commons/characters-remaining';
import { REASON_OPTIONS, describeNotApplicable, markNotApplicable, reasonOption, type AnswerDraft, type PracticeNotApplicable } from '../commons/answer-draft';
import { problemsAt } from './config';

interface Props {
  practices: Choice[];
  draft: AnswerDraft;
  disabled: boolean;
  /** Field problems of the last failed save. */
  problems: Array<{ Name: string; Message: string }>;
  onChange(draft: AnswerDraft): void;
}

/** "Mark best practice(s) that don't apply to this workload": per practice, the mark, a reason and details. */
export function PracticesNotApplicable({ practices, draft, disabled, problems, onChange }: Props) {
  return (
    <SpaceBetween size="m">
      <Box variant="p" color="text-body-secondary">
        If one of the best practices within this question does not apply to your workload, you can mark it as not applicable. You can
        also choose a reason and provide additional notes for documentation.
      </Box>
      {practices.map((choice) => {
        const id = choice.ChoiceId ?? '';
        const mark = draft.notApplicable[id];
        const remaining = charactersRemaining(mark?.notes ?? '', CHOICE_NOTES_MAX);
        const update = (change: Partial<PracticeNotApplicable>) => onChange(describeNotApplicable(draft, id, change));
        const serverProblem = problemsAt(problems, `ChoiceUpdates.${id}`);
        return (
          <SpaceBetween size="xs" key={id}>
            <Checkbox checked={!!mark} disabled={disabled} onChange={({ detail }) => onChange(markNotApplicable(draft, id, detail.checked))}>
              {choice.Title}
            </Checkbox>
            {mark && (
              <div style={{ paddingLeft: 24 }}>
                <SpaceBetween size="xs">
                  {/* No visible labels, as in the guide's screen: the placeholders say what to enter, aria labels name the practice. */}
                  <FormField>
                    <Select
                      selectedOption={reasonOption(mark.reason)}
                      placeholder="Select reason (optional)"
                      options={REASON_OPTIONS}
                      disabled={disabled}
                      ariaLabel={`Reason why ${choice.Title} does not apply`}
                      onChange={({ detail }) => update({ reason: detail.selectedOption.value as ChoiceReason })}
                    />
                  </FormField>
                  <FormField
                    constraintText={remaining.over ? undefined : remaining.text}
                    errorText={serverProblem ?? (remaining.over ? remaining.text : undefined)}
                  >
                    <Textarea
                      value={mark.notes}
                      rows={2}
                      disabled={disabled}
                      placeholder="Provide further details (optional)"
                      ariaLabel={`Details on why ${choice.Title} does not apply`}
                      onChange={({ detail }) => update({ notes: detail.value })}
                    />
                  </FormField>
                </SpaceBetween>
              </div>
            )}
          </SpaceBetween>
        );
      })}
    </SpaceBetween>
  );
}
