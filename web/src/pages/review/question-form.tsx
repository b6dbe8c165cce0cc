import type { Answer, AnswerReason } from '@aws-sdk/client-wellarchitected';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import Toggle from '@cloudscape-design/components/toggle';
import { RiskStatus } from '../commons/risk-counts';
import { NOTES_MAX, charactersRemaining } from '../commons/characters-remaining';
import { REASON_OPTIONS, noneChoiceOf, practiceLocked, reasonOption, toggleChoice, type AnswerDraft } from '../commons/answer-draft';
import { problemsAt } from './config';
import type { InfoFocus } from './helpful-resources';
import type { PracticeChecks } from '../commons/checks';
import { PracticeChecksList } from './practice-checks';
import { PracticesNotApplicable } from './practices-not-applicable';

interface QuestionFormProps {
  /** "3." : the question's place in its pillar. */
  number: string;
  answer: Answer;
  draft: AnswerDraft;
  disabled: boolean;
  /** Why the answer cannot be changed, when the caller may not (shown on hover of the disabled save buttons). */
  disabledReason?: string;
  prioritized: boolean;
  /** The question's risk: saved, or computed from the unsaved ticks. */
  risk: string | undefined;
  riskUnsaved: boolean;
  /** The risk level of each practice (choice id → HIGH, MEDIUM or NONE), once loaded. */
  practiceRisks?: Record<string, string>;
  /** Field problems of the last failed save. */
  problems: Array<{ Name: string; Message: string }>;
  onChange(draft: AnswerDraft): void;
  onInfo(focus: InfoFocus): void;
  /** The checks under each practice, when the account shows them. */
  checks?: { workloadId: string; lensArn: string; byChoice: Map<string, PracticeChecks>; contradicted: Set<string> };
}

/** The middle panel: the question, its practices, "None of these", not-applicable marks and notes. */
export function QuestionForm({ number, answer, draft, disabled, disabledReason, prioritized, risk, riskUnsaved, practiceRisks, problems, onChange, onInfo, checks }: QuestionFormProps) {
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
          Question risk: <RiskStatus risk={risk} />
          {riskUnsaved && (
            <Box variant="span" color="text-body-secondary">
              {' '}(not saved yet)
            </Box>
          )}
        </Box>
        {prioritized && <Box color="text-status-info">Prioritized by the workload's profile</Box>}
      </SpaceBetween>
      {disabledReason && <Box color="text-status-inactive">{disabledReason}</Box>}

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

      <FormField label="Select from the following" description={<RiskLegend />} stretch errorText={choicesProblem}>
        <SpaceBetween size="xxs">
          {choices.map((choice) => {
            const id = choice.ChoiceId ?? '';
            const markedNotApplicable = !!draft.notApplicable[id];
            const practiceChecks = checks?.byChoice.get(id);
            const contradicted = !!checks?.contradicted.has(id);
            return (
              <div key={id}>
              {/* The Info link sits apart from the checkbox's label, so choosing it never toggles the practice. */}
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 12 }}>
                <Checkbox
                  checked={draft.selected.includes(id)}
                  disabled={disabled || !draft.isApplicable || markedNotApplicable || practiceLocked(draft, id, noneId)}
                  onChange={({ detail }) => onChange(toggleChoice(draft, id, detail.checked))}
                >
                  {choice.Title}
                  {markedNotApplicable && ' (not applicable)'}
                </Checkbox>
                <span style={{ flexShrink: 0, display: 'flex', gap: 8, alignItems: 'center' }}>
                  {contradicted && <StatusIndicator type="warning">Contradicted by checks</StatusIndicator>}
                  {/* The risk a practice brings matters while it is not followed: once ticked or not applicable it brings none. */}
                  {!draft.selected.includes(id) && !markedNotApplicable && <PracticeRisk risk={practiceRisks?.[id]} />}
                  <Link variant="info" onFollow={() => onInfo({ choiceId: id })} ariaLabel={`Info about ${choice.Title}`}>
                    Info
                  </Link>
                </span>
              </div>
              {practiceChecks && checks && <PracticeChecksList workloadId={checks.workloadId} lensArn={checks.lensArn} practice={practiceChecks} contradicted={contradicted} />}
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

/** The guide's terms: a practice not followed raises a high risk issue (HRI) or a medium risk issue (MRI). */
const PRACTICE_RISK: Record<string, { label: string; title: string; color: 'severity-high' | 'severity-medium' }> = {
  HIGH: { label: 'HRI', title: 'High risk issue if not followed', color: 'severity-high' },
  MEDIUM: { label: 'MRI', title: 'Medium risk issue if not followed', color: 'severity-medium' },
};

function RiskLegend() {
  return (
    <>
      A practice you do not follow is marked <Badge color="severity-high">HRI</Badge> when it raises a high risk issue and{' '}
      <Badge color="severity-medium">MRI</Badge> when it raises a medium risk issue. Practices without a mark raise no risk on their own.
    </>
  );
}

/** The risk issue not following a practice raises on its own; none for practices that raise none. */
function PracticeRisk({ risk }: { risk: string | undefined }) {
  const shown = risk ? PRACTICE_RISK[risk] : undefined;
  return shown ? (
    <span title={shown.title} aria-label={shown.title} role="img">
      <Badge color={shown.color}>{shown.label}</Badge>
    </span>
  ) : null;
}
