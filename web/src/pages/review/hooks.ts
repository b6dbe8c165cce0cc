import {
  GetAnswerCommand,
  UpdateAnswerCommand,
  type Answer,
} from '@aws-sdk/client-wellarchitected';
import { useCallback, useEffect, useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { usePlumbline } from '../../api/plumbline-client';
import { loadLensAnswers } from '../commons/lens-answers';
import { loadWorkloadLensReview } from '../commons/lens-review-at';
import { useLoad } from '../commons/use-load';
import { draftOf, isChanged, updateOf, type AnswerDraft } from '../commons/answer-draft';
import type { RiskRuleText } from './draft-risk';

/** The workload, its lens review and every answer summary of that review (for the left panel). */
export function useReviewContext(workloadId: string, lensAlias: string) {
  const wa = useWellArchitected();
  return useLoad(async () => {
    const { workload, review } = await loadWorkloadLensReview(wa, workloadId, lensAlias);
    const pillars = await loadLensAnswers(wa, workloadId, lensAlias, review?.PillarReviewSummaries ?? []);
    return { workload, review, pillars };
  }, [wa, workloadId, lensAlias]);
}

/**
 * One question: the saved answer (GetAnswer, then each UpdateAnswer's answer) and the
 * reviewer's draft of it. A failed save leaves the draft untouched, so nothing is lost.
 */
export function useQuestion(workloadId: string, lensAlias: string, questionId: string) {
  const wa = useWellArchitected();
  const loaded = useLoad(
    async () => (await wa.send(new GetAnswerCommand({ WorkloadId: workloadId, LensAlias: lensAlias, QuestionId: questionId }))).Answer!,
    [wa, workloadId, lensAlias, questionId],
  );
  const [saved, setSaved] = useState<Answer>();
  const [draft, setDraft] = useState<AnswerDraft>();
  useEffect(() => {
    if (loaded.data && loaded.data.QuestionId === questionId) {
      setSaved(loaded.data);
      setDraft(draftOf(loaded.data));
    }
  }, [loaded.data, questionId]);
  // A previous question's answer may still be held while this one loads: never show it.
  const answer = saved?.QuestionId === questionId ? saved : undefined;
  const changed = !!answer && !!draft && isChanged(answer, draft);

  /** Saves the draft if it changed; resolves to the saved answer. Throws the API's error. */
  const save = useCallback(async (): Promise<Answer | undefined> => {
    if (!answer || !draft || !isChanged(answer, draft)) return answer;
    const out = await wa.send(
      new UpdateAnswerCommand({ WorkloadId: workloadId, LensAlias: lensAlias, QuestionId: questionId, ...updateOf(answer, draft) }),
    );
    if (out.Answer) {
      setSaved(out.Answer);
      setDraft(draftOf(out.Answer));
    }
    return out.Answer;
  }, [wa, workloadId, lensAlias, questionId, answer, draft]);

  return { answer, draft: answer ? draft : undefined, setDraft, changed, save, loading: loaded.loading, error: loaded.error, reload: loaded.reload };
}

export interface QuestionRiskFacts {
  /** Choice id → the risk (HIGH, MEDIUM, NONE) of not following that practice alone. */
  PracticeRisks: Record<string, string>;
  /** The question's risk rules, to tell the risk of unsaved ticks (draft-risk.ts). */
  RiskRules: RiskRuleText[];
}

/** The risk level of each practice and the risk rules of each question of the lens review (Plumbline's GetPracticeRisks). */
export function usePracticeRisks(workloadId: string, lensAlias: string) {
  const plumbline = usePlumbline();
  return useLoad(async () => {
    const out = (await plumbline('GetPracticeRisks', { WorkloadId: workloadId, LensAlias: lensAlias })) as { Questions: Array<QuestionRiskFacts & { QuestionId: string }> };
    return new Map(out.Questions.map((q) => [q.QuestionId, q]));
  }, [plumbline, workloadId, lensAlias]);
}
