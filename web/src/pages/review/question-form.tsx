import type { Answer, AnswerReason } from '@aws-sdk/client-wellarchitected';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import Toggle from '@cloudscape-design/components/toggle';
import { RiskStatus } from '../commons/risk-counts';
import { NOTES_MAX, charactersRemaining } from '../commons/characters-remaining';
import { REASON_OPTIONS, noneChoiceOf, reasonOption, toggleChoice, type AnswerDraft } from '../commons/answer-draft';
import { problemsAt } from './config';
import type { InfoFocus } from './helpful-resources';
import { PracticesNotApplicable } from './practices-not-applicable';

interface QuestionFormProps {
  /** "3." : the question's place in its pillar. */
  number: string;
  answer: Answer;
  draft: AnswerDraft;
  disabled: boolean;
  prioritized: boolean;
  /** The risk level of each practice (choice id → HIGH, MEDIUM or NONE), once loaded. */
  practiceRisks?: Record<string, string>;
  /** Field problems of the last failed save. */
  problems: Array<{ Name: string; Message: string }>;
  onChange(draft: AnswerDraft): void;
  onInfo(focus: InfoFocus): void;
}

/** The middle panel: the question, its practices, "None of these", not-applicable marks and notes. */
export function QuestionForm({ number, answer, draft, disabled, prioritized, practiceRisks, problems, onChange, onInfo }: QuestionFormProps) {
  const noneId = noneChoiceOf(answer);
  const choices = answer.Choices ?? [];
  const practices = choices.filter((c) => c.ChoiceId !== noneId);
  const notes = charactersRemaining(draft.notes, NOTES_MAX);
  const notesProblem = problemsAt(problems, 'Notes');
  const choicesProblem = problemsAt(problems, 'SelectedChoices');
  return (
    <SpaceBetween size="l">
      <Header
        variant="h2"
        info={<Link variant="info" onFollow={() => onInfo({})} ariaLabel="Info about this question">Info</Link>}
        description={answer.QuestionDescription}
      >
        {number} {answer.QuestionTitle}
      </Header>
      <SpaceBetween direction="horizontal" size="m">
        <Box>
          Question risk: <RiskStatus risk={answer.Risk} />
        </Box>
        {prioritized && <Box color="text-status-info">Prioritized by the workload's profile</Box>}
      </SpaceBetween>

      <SpaceBetween size="xs">
        <Toggle checked={!draft.isApplicable} disabled={disabled} onChange={({ detail }) => onChange({ ...draft, isApplicable: !detail.checked })}>
          Question does not apply to this workload
        </Toggle>
        {!draft.isApplicable && (
          <FormField label="Reason" description="Why the question does not apply." errorText={problemsAt(problems, 'Reason')}>
            <Select
              selectedOption={reasonOption(draft.reason)}
              placeholder="Select reason"
              options={REASON_OPTIONS}
              disabled={disabled}
              onChange={({ detail }) => onChange({ ...draft, reason: detail.selectedOption.value as AnswerReason })}
            />
          </FormField>
        )}
      </SpaceBetween>

      <FormField label="Select from the following" stretch errorText={choicesProblem}>
        <SpaceBetween size="xxs">
          {choices.map((choice) => {
            const id = choice.ChoiceId ?? '';
            const markedNotApplicable = !!draft.notApplicable[id];
            return (
              // The Info link sits apart from the checkbox's label, so choosing it never toggles the practice.
              <div key={id} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 12 }}>
                <Checkbox
                  checked={draft.selected.includes(id)}
                  disabled={disabled || !draft.isApplicable || markedNotApplicable}
                  onChange={({ detail }) => onChange(toggleChoice(draft, id, detail.checked, noneId))}
                >
                  {choice.Title}
                  {markedNotApplicable && ' (not applicable)'}
                </Checkbox>
                <span style={{ flexShrink: 0, display: 'flex', gap: 8, alignItems: 'center' }}>
                  <PracticeRisk risk={practiceRisks?.[id]} />
                  <Link variant="info" onFollow={() => onInfo({ choiceId: id })} ariaLabel={`Info about ${choice.Title}`}>
                    Info
                  </Link>
                </span>
              </div>
            );
          })}
        </SpaceBetween>
      </FormField>

      {practices.length > 0 && (
        <ExpandableSection
          headerText="Mark best practice(s) that don't apply to this workload"
          defaultExpanded={Object.keys(draft.notApplicable).length > 0 || problems.some((p) => p.Name.startsWith('ChoiceUpdates'))}
        >
          <PracticesNotApplicable
            practices={practices}
            draft={draft}
            disabled={disabled || !draft.isApplicable}
            problems={problems}
            onChange={onChange}
          />
        </ExpandableSection>
      )}

      <FormField
        label="Notes - optional"
        stretch
        constraintText={notes.over ? undefined : notes.text}
        errorText={notesProblem ?? (notes.over ? notes.text : undefined)}
      >
        <Textarea value={draft.notes} rows={4} disabled={disabled} ariaLabel="Notes" onChange={({ detail }) => onChange({ ...draft, notes: detail.value })} />
      </FormField>
    </SpaceBetween>
  );
}

const PRACTICE_RISK: Record<string, { label: string; color: 'severity-high' | 'severity-medium' | 'severity-low' }> = {
  HIGH: { label: 'High risk', color: 'severity-high' },
  MEDIUM: { label: 'Medium risk', color: 'severity-medium' },
  NONE: { label: 'Low risk', color: 'severity-low' },
};

/** How much risk not following a practice brings on its own ("None of these" has none to show). */
function PracticeRisk({ risk }: { risk: string | undefined }) {
  const shown = risk ? PRACTICE_RISK[risk] : undefined;
  return shown ? <Badge color={shown.color}>{shown.label}</Badge> : null;
}
