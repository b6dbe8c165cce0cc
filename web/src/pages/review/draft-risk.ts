import type { Answer } from '@aws-sdk/client-wellarchitected';
// The server's own rule evaluation, so that the risk shown before saving is the risk saving gives.
import { answerRisk, type AnswerState } from '../../../../src/domain/review/answer';
import type { Risk } from '../../../../src/domain/review/risk';
import { compileRiskRules } from '../../../../src/domain/risk-rules';
import type { RiskRuleRisk } from '../../../../src/domain/lens/types';
import type { AnswerDraft } from '../commons/answer-draft';

/** A question's risk rules as the practiceRisks route returns them. */
export interface RiskRuleText {
  Condition: string;
  Risk: string;
}

/** The risk the draft's ticks give, by the lens's rules; undefined when the rules cannot be read. */
export function draftRisk(answer: Answer, draft: AnswerDraft, rules: RiskRuleText[] | undefined): Risk | undefined {
  if (!rules) return undefined;
  const choiceIds = new Set((answer.Choices ?? []).map((c) => c.ChoiceId ?? ''));
  const compiled = compileRiskRules(rules.map((r) => ({ condition: r.Condition, risk: r.Risk as RiskRuleRisk })), choiceIds);
  if (!compiled.ok) return undefined;
  const state: AnswerState = {
    selected: draft.selected,
    choiceAnswers: Object.fromEntries(Object.keys(draft.notApplicable).map((id) => [id, { status: 'NOT_APPLICABLE' as const }])),
    notes: draft.notes,
    isApplicable: draft.isApplicable,
    reason: draft.reason ?? null,
  };
  const noneChoiceId = [...choiceIds].find((id) => id.endsWith('_no'));
  return answerRisk({ rules: compiled.compiled, noneChoiceId }, state);
}
